import { isPublicSubmission, PUBLIC_SUBMISSION_STATES } from '@hashchat/core/chat/town-hall';
import type { Context } from '../../../context';
import type { SubmissionState } from '../../../store/schema';
import { listSubmissions, pendingSubmissionRows, type SubmissionSort } from '../../../store/submissions';
import { loadSession } from '../../chats/access';
import { isModerator } from '../moderators';
import { presentSubmissions } from './views';

export interface SubmissionListQuery {
  sort: SubmissionSort;
  state: SubmissionState | null;
  cursor: { votes: number; id: number } | null;
  limit: number;
}

/**
 * A session's queue. Everyone sees approved, answering and answered questions (and their own,
 * whatever the state); moderators see every state, or the one they ask for.
 */
export async function listQueue(
  ctx: Context,
  viewerId: number | null,
  sessionId: number,
  q: SubmissionListQuery,
) {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  const moderator = viewerId !== null && (await isModerator(db, chat, viewerId));
  const states: SubmissionState[] = q.state
    ? moderator || isPublicSubmission(q.state)
      ? [q.state]
      : []
    : moderator
      ? ['pending', 'approved', 'answering', 'answered', 'dismissed']
      : [...PUBLIC_SUBMISSION_STATES];
  if (states.length === 0) return { rows: [], entities: [] };
  const rows = await listSubmissions(db, {
    sessionId,
    sort: q.sort,
    states,
    ownerId: moderator || q.state ? null : viewerId,
    cursor: q.cursor,
    limit: q.limit,
  });
  return { rows, entities: await presentSubmissions(ctx, rows, { id: viewerId, moderator }) };
}

/** Pending questions of a session, oldest first (for the moderation queue, read by moderators only). */
export async function pendingSubmissions(ctx: Context, sessionId: number, limit: number) {
  const rows = await pendingSubmissionRows(ctx.store.db, sessionId, limit);
  return presentSubmissions(ctx, rows, { id: null, moderator: true });
}
