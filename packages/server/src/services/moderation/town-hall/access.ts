import { isPublicSubmission } from '@hashchat/core/chat/town-hall';
import { HashchatError, notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../../../context';
import type { ChatRow } from '../../../store/chats';
import type { Database } from '../../../store/schema';
import { findSubmission, type SubmissionRow } from '../../../store/submissions';
import { loadSession } from '../../chats/access';
import type { LogEntry } from '../log';
import { isModerator } from '../moderators';

export async function limit(ctx: Context, key: string, max: number, what: string): Promise<void> {
  const { count, resetAt } = await ctx.rateLimiter.hit(key, 60);
  if (count > max) {
    const wait = Math.max(1, Math.ceil((resetAt - ctx.now()) / 1000));
    throw new HashchatError('RateLimited', `Too many ${what}: wait ${wait} seconds`);
  }
}

/** A submission, following merges to the one that now carries its votes. */
export async function resolveMerged(db: Kysely<Database>, id: number): Promise<SubmissionRow> {
  let row = await findSubmission(db, id);
  for (let hops = 0; row && row.merged_into_id !== null && hops < 10; hops++) {
    row = await findSubmission(db, Number(row.merged_into_id));
  }
  if (!row) throw notFound();
  return row;
}

/**
 * The one check every route taking a submission id goes through: approved, answering and
 * answered questions are public; pending and dismissed ones are their asker's and the chat's
 * moderators' only. Anything else is a 404, so nobody learns what waits in another queue.
 */
export async function loadVisibleSubmission(
  ctx: Context,
  viewerId: number | null,
  row: SubmissionRow | undefined,
) {
  if (!row) throw notFound();
  const { session, chat } = await loadSession(ctx.store.db, Number(row.session_id));
  const seen =
    isPublicSubmission(row.state) ||
    (viewerId !== null &&
      (Number(row.account_id) === viewerId || (await isModerator(ctx.store.db, chat, viewerId))));
  if (!seen) throw notFound();
  return { row, session, chat };
}

export function entry(
  chat: ChatRow,
  sessionId: number,
  actorId: number,
  action: LogEntry['action'],
  row: SubmissionRow,
  reason: string,
): LogEntry {
  return {
    chatId: Number(chat.id),
    sessionId,
    moderatorId: actorId,
    action,
    submissionId: Number(row.id),
    accountId: Number(row.account_id),
    statusId: row.status_id === null ? null : Number(row.status_id),
    reason,
  };
}
