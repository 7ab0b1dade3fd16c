import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, SessionQuestionsTable } from './schema';

export type QuestionRow = Selectable<SessionQuestionsTable>;
export type QuestionState = SessionQuestionsTable['state'];

/** States a question can still be published from. */
export const UNPUBLISHED: QuestionState[] = ['draft', 'scheduled'];

export const findQuestion = (db: Kysely<Database>, id: number) =>
  db.selectFrom('session_questions').selectAll().where('id', '=', id).executeTakeFirst();

/** A session's agenda in order. */
export const listAgenda = (db: Kysely<Database>, sessionId: number) =>
  db
    .selectFrom('session_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .orderBy('id')
    .execute();

export async function insertQuestion(
  db: Kysely<Database>,
  values: Insertable<SessionQuestionsTable>,
): Promise<QuestionRow> {
  return db.insertInto('session_questions').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Changes a question only while it is unpublished; undefined when it no longer is. */
export function updateUnpublished(
  db: Kysely<Database>,
  id: number,
  set: Updateable<SessionQuestionsTable>,
): Promise<QuestionRow | undefined> {
  return db
    .updateTable('session_questions')
    .set(set)
    .where('id', '=', id)
    .where('state', 'in', UNPUBLISHED)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteUnpublished(db: Kysely<Database>, id: number): Promise<boolean> {
  const res = await db
    .deleteFrom('session_questions')
    .where('id', '=', id)
    .where('state', 'in', [...UNPUBLISHED, 'skipped'])
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function nextPosition(db: Kysely<Database>, sessionId: number): Promise<number> {
  const row = await db
    .selectFrom('session_questions')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

/** Positions 1…n in the order of `ids`. */
export async function setPositions(db: Kysely<Database>, ids: number[], now: number): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await db
      .updateTable('session_questions')
      .set({ position: i + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}

/**
 * The exactly-once decision: marks an unpublished question published with its status. Of two
 * racing publishers exactly one gets the row back; the other's transaction must roll back.
 */
export function claimQuestion(
  db: Kysely<Database>,
  id: number,
  statusId: number,
  questionNumber: number | null,
  now: number,
): Promise<QuestionRow | undefined> {
  return db
    .updateTable('session_questions')
    .set({
      state: 'published',
      status_id: statusId,
      question_number: questionNumber,
      published_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('state', 'in', UNPUBLISHED)
    .returningAll()
    .executeTakeFirst();
}

/** The question asked last in a session (kind 'question'), or undefined before the first. */
export const currentQuestion = (db: Kysely<Database>, sessionId: number) =>
  db
    .selectFrom('session_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'question')
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Unpublished questions with a time, for (re)scheduling their jobs. */
export const timedUnpublished = (db: Kysely<Database>, sessionId: number) =>
  db
    .selectFrom('session_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('state', 'in', UNPUBLISHED)
    .where('offset_minutes', 'is not', null)
    .execute();
