import type { HeldStatus, ModerationQueue, Report, Submission } from '@hashchat/api/entities/moderation';
import type { RoomActionInput } from '../../api/request-types';
import type { QueueCommand } from './queue-keys';

/** One thing waiting for a moderator. */
export type QueueItem =
  | { kind: 'held'; key: string; held: HeldStatus }
  | { kind: 'report'; key: string; report: Report }
  | { kind: 'submission'; key: string; submission: Submission };

/** The queue as one list: held statuses, then reports, then questions, each oldest first. */
export function queueItems(queue: ModerationQueue): QueueItem[] {
  return [
    ...queue.pending.map((held) => ({ kind: 'held' as const, key: `held:${held.status.id}`, held })),
    ...queue.reports.map((report) => ({ kind: 'report' as const, key: `report:${report.id}`, report })),
    ...queue.submissions.map((submission) => ({
      kind: 'submission' as const,
      key: `submission:${submission.id}`,
      submission,
    })),
  ];
}

/** The API calls one key press makes on an item; after them the item leaves the queue. */
export interface QueuePlan {
  room: RoomActionInput[];
  resolve?: { reportId: string; resolution: string };
  submission?: { id: string; step: 'approve' | 'dismiss' };
}

type Act = Exclude<QueueCommand, 'next' | 'previous' | 'help'>;

/** What a command does to an item, or null when it does not apply to that kind of item. */
export function queuePlan(item: QueueItem, command: Act, reason = ''): QueuePlan | null {
  const r = reason.trim();
  switch (item.kind) {
    case 'held': {
      const status_id = item.held.status.id;
      const account_id = item.held.status.account.id;
      if (command === 'approve') return { room: [{ action: 'approve', status_id, reason: r }] };
      if (command === 'reject') return { room: [{ action: 'reject', status_id, reason: r }] };
      if (command === 'hide') return { room: [{ action: 'hide', status_id, reason: r }] };
      // Silencing the author also keeps this status out.
      return {
        room: [
          { action: command, account_id, reason: r },
          { action: 'reject', status_id, reason: r },
        ],
      };
    }
    case 'report': {
      const { report } = item;
      const category = report.category;
      const resolve = (resolution: string) => ({ reportId: report.id, resolution: r || resolution });
      if (command === 'approve') return null;
      if (command === 'reject') return { room: [], resolve: resolve('dismissed') };
      if (command === 'hide') {
        if (!report.status) return null;
        return {
          room: [{ action: 'hide', status_id: report.status.id, reason: r, category }],
          resolve: resolve('status hidden'),
        };
      }
      const account_id = report.target_account?.id;
      if (!account_id) return null;
      return {
        room: [{ action: command, account_id, reason: r, category }],
        resolve: resolve(command === 'mute' ? 'author muted' : 'author banned'),
      };
    }
    case 'submission': {
      const { submission } = item;
      if (command === 'approve') return { room: [], submission: { id: submission.id, step: 'approve' } };
      if (command === 'reject') return { room: [], submission: { id: submission.id, step: 'dismiss' } };
      if (command === 'hide' || !submission.account) return null;
      return {
        room: [{ action: command, account_id: submission.account.id, reason: r }],
        submission: { id: submission.id, step: 'dismiss' },
      };
    }
  }
}
