import type { Context } from '../../context';

export interface ChatPreferences {
  /** Minutes before a session's start a follower is reminded; 0: no early reminder (the "live" one still comes). */
  reminder_minutes: number;
}

export const MAX_REMINDER_MINUTES = 1440;

export async function getChatPreferences(ctx: Context, accountId: number): Promise<ChatPreferences> {
  const row = await ctx.store.db
    .selectFrom('chat_preferences')
    .select('reminder_minutes')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return { reminder_minutes: row?.reminder_minutes ?? ctx.config.reminderLeadMinutes };
}

export async function setChatPreferences(
  ctx: Context,
  accountId: number,
  patch: Partial<ChatPreferences>,
): Promise<ChatPreferences> {
  if (patch.reminder_minutes !== undefined) {
    const now = ctx.now();
    await ctx.store.db
      .insertInto('chat_preferences')
      .values({ account_id: accountId, reminder_minutes: patch.reminder_minutes, updated_at: now })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({ reminder_minutes: patch.reminder_minutes, updated_at: now }),
      )
      .execute();
  }
  return getChatPreferences(ctx, accountId);
}
