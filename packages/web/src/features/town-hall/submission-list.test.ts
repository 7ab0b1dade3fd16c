import type { Account } from '@hashchat/api/entities/account';
import type { Submission } from '@hashchat/api/entities/moderation';
import { describe, expect, it } from 'vitest';
import { answeringNow, applySubmission, listsSubmission, sortSubmissions } from './submission-list';

const q = (id: string, over: Partial<Submission> = {}): Submission => ({
  id,
  session_id: '1',
  text: `question ${id}`,
  account: { id: 'a' } as Account,
  status_id: null,
  votes_count: 0,
  new_account_votes_count: 0,
  voted: false,
  state: 'approved',
  answer_status_id: null,
  merged_into_id: null,
  carried_from_id: null,
  dismiss_reason: null,
  created_at: `2027-03-01T12:00:0${id}.000Z`,
  answering_at: null,
  answered_at: null,
  ...over,
});
const ids = (list: Submission[]) => list.map((s) => s.id);
const reader = { id: 'me', moderator: false };

describe('sortSubmissions', () => {
  const list = [
    q('1', { votes_count: 2 }),
    q('2', { votes_count: 5, state: 'answered' }),
    q('3', { votes_count: 2 }),
    q('4', { votes_count: 9, state: 'dismissed' }),
    q('5', { votes_count: 50, merged_into_id: '1' }),
  ];
  it.each([
    ['votes', ['4', '2', '1', '3']],
    ['newest', ['4', '3', '2', '1']],
    ['unanswered', ['1', '3']],
  ] as const)('%s', (sort, order) => {
    expect(ids(sortSubmissions(list, sort))).toEqual(order);
  });
});

describe('listsSubmission', () => {
  it.each([
    [q('1', { state: 'approved' }), reader, true],
    [q('1', { state: 'pending' }), reader, false],
    [q('1', { state: 'pending', account: { id: 'me' } as Account }), reader, true],
    [q('1', { state: 'dismissed' }), { id: 'mod', moderator: true }, true],
    [q('1', { merged_into_id: '2' }), { id: 'mod', moderator: true }, false],
  ])('%#', (s, viewer, listed) => {
    expect(listsSubmission(s, viewer)).toBe(listed);
  });
});

describe('applySubmission', () => {
  it('keeps the viewer’s vote when the stream brings a change', () => {
    const list = [q('1', { voted: true, votes_count: 1 })];
    const [changed] = applySubmission(list, q('1', { voted: false, votes_count: 3 }), reader);
    expect(changed).toMatchObject({ voted: true, votes_count: 3 });
  });

  it('takes the vote from the viewer’s own answer', () => {
    const [changed] = applySubmission([q('1', { voted: true })], q('1', { voted: false }), reader, true);
    expect(changed.voted).toBe(false);
  });

  it('keeps a moderator’s count of votes from new accounts when a stream payload lacks it', () => {
    const host = { id: 'h', moderator: true };
    const list = [q('1', { new_account_votes_count: 2 })];
    const [changed] = applySubmission(list, q('1', { new_account_votes_count: null }), host);
    expect(changed.new_account_votes_count).toBe(2);
  });

  it('moves "answering" from the previous question to the new one', () => {
    const list = applySubmission(
      [q('1', { state: 'answering' }), q('2')],
      q('2', { state: 'answering' }),
      reader,
    );
    expect(answeringNow(list)?.id).toBe('2');
    expect(list.find((s) => s.id === '1')?.state).toBe('approved');
  });

  it('drops a question a reader may no longer see, and adds a newly approved one', () => {
    expect(ids(applySubmission([q('1')], q('1', { state: 'dismissed' }), reader))).toEqual([]);
    expect(ids(applySubmission([], q('7'), reader))).toEqual(['7']);
  });
});
