import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { type QuestionRow, timedUnpublished, UNPUBLISHED } from '../../store/agenda';
import { findSessionById } from '../../store/chat-sessions';
import { scheduleJob } from '../../store/jobs';
import type { Database } from '../../store/schema';
import { agendaAnchor } from './session-times';

/** The job kind that publishes a timed agenda item (jobs/publish-question.ts). */
export const QUESTION_JOB = 'question.publish';

export const questionJobKey = (questionId: number) => `question:${questionId}:publish`;

/**
 * Puts (or moves) a timed, unpublished item's job at its time. Its dedupe key keeps one job per
 * item; the job checks the item and its session again when it runs, so a stale one does nothing.
 */
export async function scheduleQuestionJob(
  db: Kysely<Database>,
  q: QuestionRow,
  session: { starts_at: number; started_at: number | null; state: string },
  now: number,
): Promise<void> {
  if (q.offset_minutes === null || !UNPUBLISHED.includes(q.state)) return;
  if (session.state !== 'scheduled' && session.state !== 'live') return;
  await scheduleJob(
    db,
    {
      kind: QUESTION_JOB,
      runAt: agendaAnchor(session) + Number(q.offset_minutes) * 60_000,
      payload: { question_id: Number(q.id) },
      dedupeKey: questionJobKey(Number(q.id)),
    },
    now,
  );
}

/** When a session goes live (early, say), its timed items are scheduled again from the actual start. */
export async function scheduleAgendaJobs(ctx: Context, sessionId: number): Promise<void> {
  const db = ctx.store.db;
  const session = await findSessionById(db, sessionId);
  if (!session) return;
  for (const q of await timedUnpublished(db, sessionId)) await scheduleQuestionJob(db, q, session, ctx.now());
}
