import type { Account } from '@hashchat/api/entities/account';
import type { Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import { replyPrefill } from './reply-prefill';

const account = (id: string, acct: string) => ({ id, acct, username: acct }) as Account;
const status = (author: Account, mentions: Account[]) =>
  ({
    account: author,
    mentions: mentions.map((m) => ({ id: m.id, acct: m.acct, username: m.username, url: '' })),
  }) as Status;

const alice = account('1', 'alice');
const bob = account('2', 'bob');
const carol = account('3', 'carol');

describe('replyPrefill', () => {
  it.each([
    ['mentions the author', status(alice, []), '9', '@alice '],
    ['then the other mentioned people', status(alice, [bob, carol]), '9', '@alice @bob @carol '],
    ['leaves out the replier', status(alice, [bob]), '2', '@alice '],
    ['replying to oneself mentions the others only', status(alice, [bob]), '1', '@bob '],
    ['replying to oneself alone starts empty', status(alice, []), '1', ''],
    ['mentions each person once', status(alice, [alice, bob, bob]), '9', '@alice @bob '],
  ])('%s', (_name, s, selfId, expected) => {
    expect(replyPrefill(s, selfId)).toBe(expected);
  });
});
