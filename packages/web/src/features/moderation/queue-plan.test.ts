import type { Account } from '@hashchat/api/entities/account';
import type { ModerationQueue, Report, Submission } from '@hashchat/api/entities/moderation';
import type { Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import { type QueueItem, queueItems, queuePlan } from './queue-plan';

const account = (id: string) => ({ id, acct: `u${id}` }) as Account;
const status = (id: string, authorId: string) => ({ id, account: account(authorId) }) as Status;
const report = (over: Partial<Report> = {}): Report => ({
  id: 'r1',
  chat_id: 'c1',
  category: 'spam',
  comment: '',
  state: 'open',
  resolution: null,
  created_at: '',
  resolved_at: null,
  forwarded: false,
  account: account('9'),
  target_account: account('7'),
  status: status('70', '7'),
  ...over,
});
const submission = { id: 's1', account: account('5') } as Submission;

const queue: ModerationQueue = {
  pending: [{ status: status('10', '3'), reason: 'word filter: spam', held_at: '' }],
  reports: [report()],
  submissions: [submission],
};
const [held, reported, asked] = queueItems(queue) as QueueItem[];

describe('queueItems', () => {
  it('lists held statuses, then reports, then questions, with unique keys', () => {
    expect(queueItems(queue).map((i) => i.key)).toEqual(['held:10', 'report:r1', 'submission:s1']);
  });
});

describe('queuePlan', () => {
  it.each([
    [held, 'approve', { room: [{ action: 'approve', status_id: '10', reason: 'ok' }] }],
    [held, 'reject', { room: [{ action: 'reject', status_id: '10', reason: 'ok' }] }],
    [held, 'hide', { room: [{ action: 'hide', status_id: '10', reason: 'ok' }] }],
    [
      held,
      'mute',
      {
        room: [
          { action: 'mute', account_id: '3', reason: 'ok' },
          { action: 'reject', status_id: '10', reason: 'ok' },
        ],
      },
    ],
    [reported, 'approve', null],
    [reported, 'reject', { room: [], resolve: { reportId: 'r1', resolution: 'ok' } }],
    [
      reported,
      'hide',
      {
        room: [{ action: 'hide', status_id: '70', reason: 'ok', category: 'spam' }],
        resolve: { reportId: 'r1', resolution: 'ok' },
      },
    ],
    [
      reported,
      'ban',
      {
        room: [{ action: 'ban', account_id: '7', reason: 'ok', category: 'spam' }],
        resolve: { reportId: 'r1', resolution: 'ok' },
      },
    ],
    [asked, 'approve', { room: [], submission: { id: 's1', step: 'approve' } }],
    [asked, 'reject', { room: [], submission: { id: 's1', step: 'dismiss' } }],
    [asked, 'hide', null],
    [
      asked,
      'mute',
      {
        room: [{ action: 'mute', account_id: '5', reason: 'ok' }],
        submission: { id: 's1', step: 'dismiss' },
      },
    ],
  ] as const)('%#: %s on a %s item', (item, command, plan) => {
    expect(queuePlan(item, command, ' ok ')).toEqual(plan);
  });

  it('names the resolution of a report when no reason is given', () => {
    expect(queuePlan(reported, 'mute')?.resolve).toEqual({ reportId: 'r1', resolution: 'author muted' });
  });

  it('cannot hide a report about an account without a status', () => {
    expect(queuePlan({ kind: 'report', key: 'r', report: report({ status: null }) }, 'hide')).toBeNull();
  });
});
