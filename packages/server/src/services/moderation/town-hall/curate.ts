import { sessionTopic } from '@hashchat/api/topics';
import { type Curation, curatedState, isPublicSubmission } from '@hashchat/core/chat/town-hall';
import { conflict } from '@hashchat/core/errors';
import type { Context } from '../../../context';
import { appendEvents, type NewEvent } from '../../../store/events';
import {
  answeringSubmissionIds,
  findSubmission,
  mergedInto,
  updateSubmission,
} from '../../../store/submissions';
import { lateCuratedEvents } from '../../live/curated';
import { addNotifications } from '../../notifications';
import { publishEvents } from '../../publish';
import { loadVisibleStatus } from '../../visibility';
import { logAction } from '../log';
import { requireModerator } from '../moderators';
import { entry, loadVisibleSubmission } from './access';
import { PUBLIC_VIEWER, presentOne, presentSubmissions, type SubmissionEntity } from './views';

/**
 * A moderator's step on one question: approve (also undoes a dismissal), dismiss (with a
 * reason), mark answering (the one before goes back to approved), mark answered (linking the
 * answer status; its askers are notified). Logged, and announced on the session stream.
 */
export async function curate(
  ctx: Context,
  actorId: number,
  submissionId: number,
  step: Curation,
  opts: { reason?: string; answerStatusId?: number | null } = {},
): Promise<SubmissionEntity> {
  const db = ctx.store.db;
  const { row, session, chat } = await loadVisibleSubmission(
    ctx,
    actorId,
    await findSubmission(db, submissionId),
  );
  await requireModerator(db, chat, actorId);
  if (row.merged_into_id !== null) throw conflict('This question was merged into another one');
  const state = curatedState(row.state, step);
  let answerStatusId: number | null = null;
  if (step === 'answered' && opts.answerStatusId) {
    // The askers are notified with it: only a status the moderator may see, of this chat's room.
    await loadVisibleStatus(ctx, actorId, opts.answerStatusId, { room: chat });
    answerStatusId = opts.answerStatusId;
  }
  const now = ctx.now();
  const sessionId = Number(session.id);
  const stored = await db.transaction().execute(async (trx) => {
    const events: NewEvent[] = [];
    const announce = async (id: number, name = 'chat.submission') => {
      const [entity] = await presentSubmissions(ctx, [(await findSubmission(trx, id))!], PUBLIC_VIEWER, trx);
      events.push({
        event: name,
        payload: JSON.stringify(entity),
        accountId: null,
        topics: [sessionTopic(sessionId)],
      });
    };
    if (step === 'answering') {
      for (const p of await answeringSubmissionIds(trx, sessionId, submissionId)) {
        await updateSubmission(trx, p, { state: 'approved', updated_at: now });
        await announce(p);
      }
    }
    await updateSubmission(trx, submissionId, {
      state,
      updated_at: now,
      ...(step === 'dismiss' ? { dismiss_reason: opts.reason ?? '' } : {}),
      ...(step === 'approve' ? { dismiss_reason: null } : {}),
      ...(step === 'answering' ? { answering_at: now } : {}),
      ...(step === 'answered' ? { answered_at: now, answer_status_id: answerStatusId } : {}),
    });
    // An approved question is a highlight: its status reaches the room's curated readers.
    if (step !== 'dismiss' && row.status_id !== null)
      events.push(
        ...(await lateCuratedEvents(
          ctx,
          trx,
          session,
          Number(chat.owner_id),
          Number(row.status_id),
          'approved',
          now,
        )),
      );
    // A question nobody but its asker and the moderators has seen is not announced to the room.
    if (isPublicSubmission(row.state) || step !== 'dismiss')
      await announce(submissionId, step === 'answering' ? 'chat.answering' : 'chat.submission');
    if (step === 'answered') {
      const askers = [
        Number(row.account_id),
        ...(await mergedInto(trx, submissionId)).map((m) => Number(m.account_id)),
      ];
      events.push(
        ...(await addNotifications(
          ctx,
          trx,
          [...new Set(askers)].map((a) => ({
            accountId: a,
            fromAccountId: actorId,
            type: 'submission_answered' as const,
            statusId: answerStatusId,
            refId: submissionId,
          })),
        )),
      );
    }
    await logAction(trx, entry(chat, sessionId, actorId, `${step}_submission`, row, opts.reason ?? ''), now);
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  await publishEvents(ctx, stored);
  return presentOne(ctx, submissionId, { id: actorId, moderator: true });
}
