import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** An account's reminder lead time, when it chose one. */
export async function reminderMinutesOf(
  db: Kysely<Database>,
  accountId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('chat_preferences')
    .select('reminder_minutes')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.reminder_minutes ?? undefined;
}

export async function saveReminderMinutes(
  db: Kysely<Database>,
  accountId: number,
  minutes: number,
  now: number,
) {
  await db
    .insertInto('chat_preferences')
    .values({ account_id: accountId, reminder_minutes: minutes, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ reminder_minutes: minutes, updated_at: now }))
    .execute();
}
