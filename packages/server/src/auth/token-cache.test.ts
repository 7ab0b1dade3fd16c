import { describe, expect, it } from 'vitest';
import { TokenCache, type TokenRecord } from './token-cache';

const record = (id: number): TokenRecord => ({
  id,
  account_id: 1,
  app_id: 1,
  scopes: 'read write',
  kind: 'oauth',
  csrf_token: null,
  revoked_at: null,
  suspended_at: null,
});

describe('TokenCache', () => {
  it('returns a kept token until its time is up, then forgets it', () => {
    let now = 0;
    const cache = new TokenCache(5000, 10, () => now);
    cache.set('h', record(1));
    now = 4999;
    expect(cache.get('h')?.id).toBe(1);
    now = 5000;
    expect(cache.get('h')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets a revoked token at once', () => {
    const cache = new TokenCache(5000, 10, () => 0);
    cache.set('h', record(1));
    cache.forget('h');
    expect(cache.get('h')).toBeUndefined();
  });

  it.each([
    [{ tokenId: 2 }, ['a', 'c']],
    [{ accountId: 7 }, ['a']],
  ])('forgets the tokens revocation %o covers, and only those', (revocation, kept) => {
    const cache = new TokenCache(5000, 10, () => 0);
    cache.set('a', record(1));
    cache.set('b', { ...record(2), account_id: 7 });
    cache.set('c', { ...record(3), account_id: 7 });
    cache.forgetRevoked(revocation);
    expect(['a', 'b', 'c'].filter((h) => cache.get(h))).toEqual(kept);
  });

  it('drops the oldest entry when full', () => {
    const cache = new TokenCache(5000, 2, () => 0);
    cache.set('a', record(1));
    cache.set('b', record(2));
    cache.set('c', record(3));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.id).toBe(2);
    expect(cache.get('c')?.id).toBe(3);
  });

  it('keeps nothing with a zero time to live', () => {
    const cache = new TokenCache(0, 10, () => 0);
    cache.set('h', record(1));
    expect(cache.get('h')).toBeUndefined();
  });
});
