import { unprocessable } from '@hashchat/core/errors';
import type { Context } from '../../../context';
import {
  combineVotes,
  findSubmission,
  insertSubmission,
  listSubmissions,
  type SubmissionRow,
} from '../../../store/submissions';
import { loadSession } from '../../chats/access';
import { logAction } from '../log';
import { requireModerator } from '../moderators';
import { presentSubmissions, type SubmissionEntity } from './views';

/**
 * Carries a session's top unanswered questions (by votes) into a follow-up session of the
 * same chat, approved, with their voters; the originals stay as they are.
 */
export async function carryOver(
  ctx: Context,
  actorId: number,
  fromSessionId: number,
  toSessionId: number,
  max: number,
): Promise<SubmissionEntity[]> {
  const db = ctx.store.db;
  if (fromSessionId === toSessionId) throw unprocessable('Questions carry over into another session');
  const [from, to] = await Promise.all([loadSession(db, fromSessionId), loadSession(db, toSessionId)]);
  if (Number(from.chat.id) !== Number(to.chat.id))
    throw unprocessable('Questions carry over only into a session of the same chat');
  await requireModerator(db, from.chat, actorId);
  const top = await listSubmissions(db, {
    sessionId: fromSessionId,
    sort: 'unanswered',
    states: ['approved', 'answering'],
    ownerId: null,
    cursor: null,
    limit: max,
  });
  const now = ctx.now();
  const created = await db.transaction().execute(async (trx) => {
    const out: SubmissionRow[] = [];
    for (const s of top) {
      const copy = await insertSubmission(trx, {
        session_id: toSessionId,
        account_id: Number(s.account_id),
        text: s.text,
        status_id: s.status_id,
        state: 'approved',
        votes_count: 0,
        new_account_votes_count: 0,
        carried_from_id: Number(s.id),
        created_at: now,
        updated_at: now,
      });
      await combineVotes(trx, [Number(s.id)], Number(copy.id));
      out.push((await findSubmission(trx, Number(copy.id)))!);
    }
    await logAction(
      trx,
      {
        chatId: Number(from.chat.id),
        sessionId: fromSessionId,
        moderatorId: actorId,
        action: 'carry_over',
        reason: `${out.length} questions into session ${toSessionId}`,
      },
      now,
    );
    return out;
  });
  return presentSubmissions(ctx, created, { id: actorId, moderator: true });
}
