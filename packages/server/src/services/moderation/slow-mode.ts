import type { Context } from '../../context';
import { settingsForChats } from '../../store/moderation';
import { loadChat } from '../chats/access';
import { isModerator } from './moderators';

/** The rate-limit key of one account's slow-mode window in one chat's room. */
export const slowModeKey = (chatId: number | string, accountId: number) => `slow:${chatId}:${accountId}`;

export interface SlowModeEntity {
  slow_mode_seconds: number;
  /** When the viewer may post in the room again; null when they may now (or are exempt). */
  next_post_at: string | null;
  /** The viewer moderates the chat, so slow mode does not hold them back. */
  exempt: boolean;
}

/**
 * A chat's slow mode as a participant needs it before posting: the interval (public, unlike
 * the rest of the room settings) and, for a signed-in viewer, when their next post is taken.
 */
export async function slowModeFor(
  ctx: Context,
  viewerId: number | null,
  chatId: number,
): Promise<SlowModeEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  const seconds = (await settingsForChats(db, [chatId])).get(chatId)?.slowModeSeconds ?? 0;
  const exempt = viewerId !== null && (await isModerator(db, chat, viewerId));
  const end =
    seconds > 0 && viewerId !== null && !exempt
      ? await ctx.rateLimiter.windowEnd(slowModeKey(chatId, viewerId), seconds)
      : null;
  return {
    slow_mode_seconds: seconds,
    next_post_at: end === null ? null : new Date(end).toISOString(),
    exempt,
  };
}
