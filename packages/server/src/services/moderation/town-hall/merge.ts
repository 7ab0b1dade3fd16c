import { sessionTopic } from '@hashchat/api/topics';
import { isPublicSubmission } from '@hashchat/core/chat/town-hall';
import { conflict, notFound, unprocessable } from '@hashchat/core/errors';
import type { Context } from '../../../context';
import { appendEvents } from '../../../store/events';
import { combineVotes, findSubmission, markMerged, mergedInto } from '../../../store/submissions';
import { publishEvents } from '../../publish';
import { logAction } from '../log';
import { requireModerator } from '../moderators';
import { entry, loadVisibleSubmission } from './access';
import { PUBLIC_VIEWER, presentOne, presentSubmissions, type SubmissionEntity } from './views';

/** Merges a near-duplicate into another question of the same session: voters combine, each counted once. */
export async function mergeSubmission(
  ctx: Context,
  actorId: number,
  submissionId: number,
  intoId: number,
  reason: string,
): Promise<SubmissionEntity> {
  const db = ctx.store.db;
  if (submissionId === intoId) throw unprocessable('A question cannot be merged into itself');
  const [found, foundInto] = await Promise.all([
    findSubmission(db, submissionId),
    findSubmission(db, intoId),
  ]);
  const { row, chat } = await loadVisibleSubmission(ctx, actorId, found);
  const { row: into } = await loadVisibleSubmission(ctx, actorId, foundInto);
  // A question of another session is outside this room: 404, like one the caller may not see.
  if (Number(row.session_id) !== Number(into.session_id)) throw notFound();
  await requireModerator(db, chat, actorId);
  if (row.merged_into_id !== null || into.merged_into_id !== null)
    throw conflict('This question was already merged into another one');
  const now = ctx.now();
  const sessionId = Number(row.session_id);
  const stored = await db.transaction().execute(async (trx) => {
    // Questions merged into this one earlier follow it.
    const children = (await mergedInto(trx, submissionId)).map((c) => Number(c.id));
    await markMerged(trx, [submissionId, ...children], intoId, now);
    await combineVotes(trx, [submissionId, ...children], intoId);
    await logAction(
      trx,
      { ...entry(chat, sessionId, actorId, 'merge_submission', row, reason), submissionId },
      now,
    );
    // Merged into a question still waiting for review: the room hears nothing of it.
    if (!isPublicSubmission(into.state)) return [];
    const [entity] = await presentSubmissions(
      ctx,
      [(await findSubmission(trx, intoId))!],
      PUBLIC_VIEWER,
      trx,
    );
    return appendEvents(
      trx,
      ctx.store.dialect,
      [
        {
          event: 'chat.submission',
          payload: JSON.stringify(entity),
          accountId: null,
          topics: [sessionTopic(sessionId)],
        },
      ],
      now,
    );
  });
  await publishEvents(ctx, stored);
  return presentOne(ctx, intoId, { id: actorId, moderator: true });
}
