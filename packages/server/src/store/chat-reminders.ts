import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

const MINUTE_MS = 60_000;

/**
 * Followers whose early reminder for a scheduled session is due at `now` (the session starts
 * within their lead time and has not started) and who have not had it yet.
 */
export async function dueEarlyReminders(
  db: Kysely<Database>,
  now: number,
  defaultMinutes: number,
  maxMinutes: number,
  limit: number,
): Promise<{ account_id: number; session_id: number }[]> {
  const lead = sql<number>`coalesce(p.reminder_minutes, ${defaultMinutes})`;
  const rows = await db
    .selectFrom('chat_sessions as s')
    .innerJoin('chat_follows as f', 'f.chat_id', 's.chat_id')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .leftJoin('chat_preferences as p', 'p.account_id', 'f.account_id')
    .select(['f.account_id', 's.id as session_id'])
    .where('s.state', '=', 'scheduled')
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', now + maxMinutes * MINUTE_MS)
    .where('a.suspended_at', 'is', null)
    .where(lead, '>', 0)
    .where(sql<number>`s.starts_at - ${lead} * ${MINUTE_MS}`, '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('chat_reminders_sent as r')
            .select('r.session_id')
            .whereRef('r.account_id', '=', 'f.account_id')
            .whereRef('r.session_id', '=', 's.id')
            .where('r.kind', '=', 'soon'),
        ),
      ),
    )
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ account_id: Number(r.account_id), session_id: Number(r.session_id) }));
}

/** When the next early reminder falls due (after `now`), or null when none within `maxMinutes`. */
export async function nextEarlyReminderAt(
  db: Kysely<Database>,
  now: number,
  defaultMinutes: number,
  maxMinutes: number,
): Promise<number | null> {
  const lead = sql<number>`coalesce(p.reminder_minutes, ${defaultMinutes})`;
  const due = sql<number>`s.starts_at - ${lead} * ${MINUTE_MS}`;
  const row = await db
    .selectFrom('chat_sessions as s')
    .innerJoin('chat_follows as f', 'f.chat_id', 's.chat_id')
    .leftJoin('chat_preferences as p', 'p.account_id', 'f.account_id')
    .select((eb) => eb.fn.min(due).as('at'))
    .where('s.state', '=', 'scheduled')
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', now + 2 * maxMinutes * MINUTE_MS)
    .where(lead, '>', 0)
    .where(due, '>', now)
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/** Followers of a chat (not suspended) who have not had the `kind` reminder of a session, a page at a time. */
export async function followersToRemind(
  db: Kysely<Database>,
  chatId: number,
  sessionId: number,
  kind: 'soon' | 'live',
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('chat_follows as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .select('f.account_id')
    .where('f.chat_id', '=', chatId)
    .where('a.suspended_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('chat_reminders_sent as r')
            .select('r.session_id')
            .whereRef('r.account_id', '=', 'f.account_id')
            .where('r.session_id', '=', sessionId)
            .where('r.kind', '=', kind),
        ),
      ),
    )
    .orderBy('f.account_id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.account_id));
}

/** Of `accountIds`, those who already had the `kind` reminder of a session. */
export async function alreadyReminded(
  db: Kysely<Database>,
  sessionId: number,
  kind: 'soon' | 'live',
  accountIds: number[],
): Promise<Set<number>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('chat_reminders_sent')
    .select('account_id')
    .where('session_id', '=', sessionId)
    .where('kind', '=', kind)
    .where('account_id', 'in', accountIds)
    .execute();
  return new Set(rows.map((r) => Number(r.account_id)));
}

/** A `chat_reminder` notification and the row that says it was sent (unique per account, session and kind). */
export async function insertReminder(
  db: Kysely<Database>,
  r: { accountId: number; ownerId: number; sessionId: number; kind: 'soon' | 'live'; now: number },
) {
  const row = await db
    .insertInto('notifications')
    .values({
      account_id: r.accountId,
      from_account_id: r.ownerId,
      type: 'chat_reminder',
      status_id: null,
      ref_id: r.sessionId,
      created_at: r.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('chat_reminders_sent')
    .values({
      account_id: r.accountId,
      session_id: r.sessionId,
      kind: r.kind,
      notification_id: row.id,
      created_at: r.now,
    })
    .execute();
  return row;
}

/** Which kind of reminder each of these notifications was. */
export async function reminderKinds(db: Kysely<Database>, notificationIds: number[]) {
  const rows = await db
    .selectFrom('chat_reminders_sent')
    .select(['notification_id', 'kind'])
    .where('notification_id', 'in', notificationIds)
    .execute();
  return new Map(rows.map((k) => [Number(k.notification_id), k.kind]));
}

/** Scheduled sessions `lead` minutes or less from their start whose chat's Group has remote followers and has not reminded them. */
export async function dueGroupReminders(
  db: Kysely<Database>,
  now: number,
  leadMinutes: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('chat_sessions as s')
    .select('s.id')
    .where('s.state', '=', 'scheduled')
    .where('s.group_reminded_at', 'is', null)
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', now + leadMinutes * MINUTE_MS)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('chat_remote_followers as f').select('f.chat_id').whereRef('f.chat_id', '=', 's.chat_id'),
      ),
    )
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** When the next Group reminder falls due (after `now`), or null when none is in sight. */
export async function nextGroupReminderAt(
  db: Kysely<Database>,
  now: number,
  leadMinutes: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('chat_sessions as s')
    .select((eb) => eb.fn.min('s.starts_at').as('at'))
    .where('s.state', '=', 'scheduled')
    .where('s.group_reminded_at', 'is', null)
    .where('s.starts_at', '>', now + leadMinutes * MINUTE_MS)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('chat_remote_followers as f').select('f.chat_id').whereRef('f.chat_id', '=', 's.chat_id'),
      ),
    )
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at) - leadMinutes * MINUTE_MS;
}

/** Claims a session's Group reminder: true for the one caller that marks it sent. */
export async function claimGroupReminder(
  db: Kysely<Database>,
  sessionId: number,
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('chat_sessions')
    .set({ group_reminded_at: now })
    .where('id', '=', sessionId)
    .where('group_reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
