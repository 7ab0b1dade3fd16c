import type { Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import { replyIndex, type Thread, threadReducer } from './thread-model';

const status = (id: string, inReplyTo: string | null = null, extra: Partial<Status> = {}) =>
  ({ id, in_reply_to_id: inReplyTo, favourites_count: 0, reblog: null, ...extra }) as Status;

// 1 ← 2 (the page's status) ← 3 ← 4, and 2 ← 5.
const thread: Thread = {
  ancestors: [status('1')],
  status: status('2', '1'),
  descendants: [status('3', '2'), status('4', '3'), status('5', '2')],
  deleted: false,
};
const ids = (t: Thread) => t.descendants.map((s) => s.id);

describe('replyIndex', () => {
  it.each([
    ['a reply to the status goes after all of its replies', '2', 3],
    ['a reply to a reply goes after that reply’s own replies', '3', 2],
    ['a reply to the last reply goes right after it', '5', 3],
    ['a reply to an ancestor has no place here', '1', -1],
    ['a reply to an unknown status has no place here', '99', -1],
  ])('%s', (_name, parentId, expected) => {
    expect(replyIndex(thread, parentId)).toBe(expected);
  });
});

describe('threadReducer', () => {
  it.each([
    ['a new reply to a reply', status('6', '3'), ['3', '4', '6', '5']],
    ['a new reply to the status', status('6', '2'), ['3', '4', '5', '6']],
    ['a reply already shown (it came twice)', status('4', '3'), ['3', '4', '5']],
    ['a reply elsewhere', status('6', '1'), ['3', '4', '5']],
  ])('places %s', (_name, reply, expected) => {
    expect(ids(threadReducer(thread, { type: 'replied', status: reply }))).toEqual(expected);
  });

  it('updates a liked status wherever it is shown', () => {
    const liked = status('2', '1', { favourites_count: 1, favourited: true });
    expect(threadReducer(thread, { type: 'changed', status: liked }).status).toBe(liked);
    const likedReply = status('4', '3', { favourites_count: 3 });
    expect(threadReducer(thread, { type: 'changed', status: likedReply }).descendants[1]).toBe(likedReply);
  });

  it.each([
    ['a deleted reply leaves the list', '4', ['3', '5'], false],
    ['the deleted status marks the thread', '2', ['3', '4', '5'], true],
  ])('%s', (_name, id, descendants, deleted) => {
    const next = threadReducer(thread, { type: 'removed', id });
    expect(ids(next)).toEqual(descendants);
    expect(next.deleted).toBe(deleted);
  });
});
