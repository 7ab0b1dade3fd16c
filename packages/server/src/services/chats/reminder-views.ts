import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import type { SessionEntity } from '../../present/chat';
import { reminderKinds } from '../../store/chat-reminders';
import { findSessionsByIds } from '../../store/chat-sessions';
import type { Database } from '../../store/schema';
import { presentSessions } from './views';

export interface ChatReminderFields {
  chat_session: SessionEntity;
  /** 'soon': the lead time before the start; 'live': the session just went live. */
  reminder: 'soon' | 'live';
}

/**
 * The extra fields of `chat_reminder` notifications (the Notification entity's `chat_session`),
 * by notification id. A reminder whose session is gone has no entry and is not shown.
 */
export async function chatReminderFields(
  ctx: Context,
  rows: { id: number; type: string; ref_id: number | null }[],
  db: Kysely<Database> = ctx.store.db,
): Promise<Map<number, ChatReminderFields>> {
  const out = new Map<number, ChatReminderFields>();
  const reminders = rows.filter((r) => r.type === 'chat_reminder' && r.ref_id !== null);
  if (reminders.length === 0) return out;
  const ids = reminders.map((r) => Number(r.id));
  const [kinds, sessions] = await Promise.all([
    reminderKinds(db, ids),
    findSessionsByIds(
      db,
      reminders.map((r) => Number(r.ref_id)),
    ),
  ]);
  const kindOf = kinds;
  const entities = new Map(
    (await presentSessions(ctx, [...sessions.values()], db)).map((s) => [Number(s.id), s]),
  );
  for (const r of reminders) {
    const session = entities.get(Number(r.ref_id));
    if (session)
      out.set(Number(r.id), { chat_session: session, reminder: kindOf.get(Number(r.id)) ?? 'soon' });
  }
  return out;
}
