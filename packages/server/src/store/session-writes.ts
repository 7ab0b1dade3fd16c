import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ChatEventsTable, ChatSessionState, ChatSessionsTable, Database } from './schema';

/** Where a session's own job may move it: bounds on its times, as of now. */
export interface SessionWindow {
  startsAtMost?: number;
  endsAfter?: number;
  endsAtMost?: number;
}

/**
 * Moves a session from one of `from` to `to` (stamping `stamp`), only inside `window` when
 * given; the guarded update is the decision between racing callers. True when it changed the row.
 */
export async function moveSessionState(
  db: Kysely<Database>,
  sessionId: number,
  step: { from: ChatSessionState[]; to: ChatSessionState; stamp: 'started_at' | 'ended_at' | null },
  now: number,
  window: SessionWindow | null,
): Promise<boolean> {
  let update = db
    .updateTable('chat_sessions')
    .set({ state: step.to, updated_at: now, ...(step.stamp ? { [step.stamp]: now } : {}) })
    .where('id', '=', sessionId)
    .where('state', 'in', step.from);
  if (window?.startsAtMost !== undefined) update = update.where('starts_at', '<=', window.startsAtMost);
  if (window?.endsAfter !== undefined) update = update.where('ends_at', '>', window.endsAfter);
  if (window?.endsAtMost !== undefined) update = update.where('ends_at', '<=', window.endsAtMost);
  const res = await update.executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function updateSessionRow(
  db: Kysely<Database>,
  sessionId: number,
  set: Updateable<ChatSessionsTable>,
) {
  await db.updateTable('chat_sessions').set(set).where('id', '=', sessionId).execute();
}

export const insertSession = (db: Kysely<Database>, values: Insertable<ChatSessionsTable>) =>
  db.insertInto('chat_sessions').values(values).returningAll().executeTakeFirstOrThrow();

/** Inserts a session a chat's rule made, unless that occurrence exists already (then undefined). */
export const insertRuleSession = (db: Kysely<Database>, values: Insertable<ChatSessionsTable>) =>
  db
    .insertInto('chat_sessions')
    .values(values)
    .onConflict((oc) => oc.columns(['chat_id', 'original_start']).doNothing())
    .returning(['id', 'starts_at', 'ends_at'])
    .executeTakeFirst();

export async function insertChatEvent(
  db: Kysely<Database>,
  values: Insertable<ChatEventsTable>,
): Promise<number> {
  return Number(
    (await db.insertInto('chat_events').values(values).returning('id').executeTakeFirstOrThrow()).id,
  );
}

export async function isEventOfChat(db: Kysely<Database>, eventId: number, chatId: number): Promise<boolean> {
  const row = await db
    .selectFrom('chat_events')
    .select('id')
    .where('id', '=', eventId)
    .where('chat_id', '=', chatId)
    .executeTakeFirst();
  return Boolean(row);
}
