import type { Context } from '../../context';
import {
  DEFAULT_SETTINGS,
  type ModerationSettings,
  saveSettings,
  settingsForChats,
} from '../../store/moderation';
import { loadChat } from '../chats/access';
import { logAction } from './log';
import { requireModerator } from './moderators';
import { cleanWordFilter } from './word-filter';

export interface SettingsEntity {
  slow_mode_seconds: number;
  word_filter: string[];
  min_account_age_days: number;
}

const entity = (s: ModerationSettings): SettingsEntity => ({
  slow_mode_seconds: s.slowModeSeconds,
  word_filter: s.wordFilter,
  min_account_age_days: s.minAccountAgeDays,
});

/** A chat's room settings; moderators only (the word filter is not for spammers to read). */
export async function getModerationSettings(
  ctx: Context,
  actorId: number,
  chatId: number,
): Promise<SettingsEntity> {
  const chat = await loadChat(ctx.store.db, chatId);
  await requireModerator(ctx.store.db, chat, actorId);
  return entity((await settingsForChats(ctx.store.db, [chatId])).get(chatId) ?? DEFAULT_SETTINGS);
}

/** Changes some of a chat's room settings; logged as `settings`. */
export async function updateModerationSettings(
  ctx: Context,
  actorId: number,
  chatId: number,
  patch: Partial<ModerationSettings>,
): Promise<SettingsEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await requireModerator(db, chat, actorId);
  const current = (await settingsForChats(db, [chatId])).get(chatId) ?? DEFAULT_SETTINGS;
  const next: ModerationSettings = {
    slowModeSeconds: patch.slowModeSeconds ?? current.slowModeSeconds,
    wordFilter: patch.wordFilter ? cleanWordFilter(patch.wordFilter) : current.wordFilter,
    minAccountAgeDays: patch.minAccountAgeDays ?? current.minAccountAgeDays,
  };
  const now = ctx.now();
  const changed = [
    next.slowModeSeconds !== current.slowModeSeconds ? `slow mode ${next.slowModeSeconds}s` : null,
    patch.wordFilter ? `word filter (${next.wordFilter.length} entries)` : null,
    next.minAccountAgeDays !== current.minAccountAgeDays
      ? `new accounts ${next.minAccountAgeDays} days`
      : null,
  ].filter((x) => x !== null);
  await db.transaction().execute(async (trx) => {
    await saveSettings(trx, chatId, next, now);
    await logAction(
      trx,
      { chatId, sessionId: null, moderatorId: actorId, action: 'settings', reason: changed.join(', ') },
      now,
    );
  });
  return entity(next);
}
