import type { RoomChat, Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import type { RoomFilter } from '../../api/live';
import { acceptsStatus, filterKey, parseFilterKey, threadNumbers } from './room-filter';

function status(accountId: string, chat?: Partial<RoomChat>): Status {
  return {
    id: '1',
    account: { id: accountId },
    chat: chat ? { session_id: '7', kind: 'comment', question_number: null, ...chat } : undefined,
  } as Status;
}

const badged = (id: string) => id === 'host';

describe('room filters', () => {
  it.each<[string, RoomFilter]>([
    ['all', { only: 'all' }],
    ['hosts', { only: 'hosts' }],
    ['q12', { only: 'question', number: 12 }],
  ])('"%s" stands for one filter both ways', (key, filter) => {
    expect(parseFilterKey(key)).toEqual(filter);
    expect(filterKey(filter)).toBe(key);
  });

  it.each(['', 'q', 'qx', 'q1000', 'everything'])('"%s" falls back to everything', (key) => {
    expect(parseFilterKey(key)).toEqual({ only: 'all' });
  });

  it.each<[string, RoomFilter, Status, boolean]>([
    ['everything keeps a comment', { only: 'all' }, status('ann', { kind: 'comment' }), true],
    ['hosts keeps a host', { only: 'hosts' }, status('host', { kind: 'comment' }), true],
    [
      'hosts drops a participant',
      { only: 'hosts' },
      status('ann', { kind: 'answer', question_number: 1 }),
      false,
    ],
    [
      'Q1 keeps its question',
      { only: 'question', number: 1 },
      status('host', { kind: 'question', question_number: 1 }),
      true,
    ],
    [
      'Q1 keeps an answer to it',
      { only: 'question', number: 1 },
      status('ann', { kind: 'answer', question_number: 1 }),
      true,
    ],
    [
      'Q1 drops an answer to Q10',
      { only: 'question', number: 1 },
      status('ann', { kind: 'answer', question_number: 10 }),
      false,
    ],
    ['Q1 drops a comment', { only: 'question', number: 1 }, status('ann', { kind: 'comment' }), false],
    ['Q1 drops an unclassified status', { only: 'question', number: 1 }, status('ann'), false],
  ])('%s', (_, filter, s, expected) => {
    expect(acceptsStatus(filter, s, badged)).toBe(expected);
  });

  it('offers each asked question once, in order', () => {
    expect(threadNumbers([3, null, 1, 3, 2])).toEqual([1, 2, 3]);
  });
});
