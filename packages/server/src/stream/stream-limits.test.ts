import { HashchatError } from '@hashchat/core/errors';
import { describe, expect, it } from 'vitest';
import { type StreamCapKind, StreamLimits } from './stream-limits';

const refusal = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(HashchatError);
    expect((err as HashchatError).code).toBe('RateLimited');
    return (err as HashchatError).message;
  }
};

describe('StreamLimits', () => {
  it.each<[string, [string, number | null][], [string, number | null], StreamCapKind | null]>([
    [
      'an address at its cap',
      [
        ['a', null],
        ['a', null],
      ],
      ['a', null],
      'address',
    ],
    [
      'another address',
      [
        ['a', null],
        ['a', null],
      ],
      ['b', null],
      null,
    ],
    [
      'an account at its cap, from a new address',
      [
        ['a', 1],
        ['b', 1],
      ],
      ['c', 1],
      null,
    ],
    [
      'an account past its cap',
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      ['d', 1],
      'account',
    ],
    [
      'the whole process at its cap',
      [
        ['a', null],
        ['b', null],
        ['c', null],
        ['d', 2],
      ],
      ['e', null],
      'total',
    ],
  ])('%s: refused by %s', (_, held, next, cap) => {
    const refused: StreamCapKind[] = [];
    const limits = new StreamLimits({ perAddress: 2, perAccount: 3, total: 4 }, (k) => refused.push(k));
    for (const [address, account] of held) limits.take(address, account);
    const message = refusal(() => limits.take(...next));
    expect(refused).toEqual(cap ? [cap] : []);
    expect(message === null).toBe(cap === null);
  });

  it('gives a slot back once, however often it is released', () => {
    const limits = new StreamLimits({ perAddress: 1, perAccount: 5, total: 5 });
    const release = limits.take('a', 1);
    expect(refusal(() => limits.take('a', 1))).toBe('Too many open streams from this address');
    release();
    release();
    expect(limits.size).toBe(0);
    limits.take('a', 1);
    expect(limits.size).toBe(1);
    expect(refusal(() => limits.take('a', 1))).not.toBeNull();
  });
});
