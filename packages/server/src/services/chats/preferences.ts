import type { Context } from '../../context';
import { reminderMinutesOf, saveReminderMinutes } from '../../store/chat-preferences';

export interface ChatPreferences {
  /** Minutes before a session's start a follower is reminded; 0: no early reminder (the "live" one still comes). */
  reminder_minutes: number;
}

export async function getChatPreferences(ctx: Context, accountId: number): Promise<ChatPreferences> {
  return {
    reminder_minutes: (await reminderMinutesOf(ctx.store.db, accountId)) ?? ctx.config.reminderLeadMinutes,
  };
}

export async function setChatPreferences(
  ctx: Context,
  accountId: number,
  patch: Partial<ChatPreferences>,
): Promise<ChatPreferences> {
  if (patch.reminder_minutes !== undefined) {
    const now = ctx.now();
    await saveReminderMinutes(ctx.store.db, accountId, patch.reminder_minutes, now);
  }
  return getChatPreferences(ctx, accountId);
}
