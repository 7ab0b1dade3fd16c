import type { Context } from '../../context';
import { actionCounts, REPORT_CATEGORIES } from '../../store/moderation';
import { loadChat } from '../chats/access';

/** Actions that keep something out of the room: what the public counts are about. */
const REMOVALS = new Set(['hide', 'reject', 'mute', 'ban', 'dismiss_submission']);

/**
 * Public counts of a chat's moderation, so curation is visible: removals by action and by
 * reason category (an action without a category counts as `other`), undos, and settings changes.
 */
export async function moderationStats(ctx: Context, chatId: number) {
  await loadChat(ctx.store.db, chatId);
  const rows = await actionCounts(ctx.store.db, chatId);
  const actions: Record<string, number> = {};
  const categories: Record<string, number> = Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0]));
  let removals = 0;
  for (const r of rows) {
    const n = Number(r.n);
    actions[r.action] = (actions[r.action] ?? 0) + n;
    if (REMOVALS.has(r.action)) {
      removals += n;
      const c = r.category ?? 'other';
      categories[c] = (categories[c] ?? 0) + n;
    }
  }
  return { chat_id: String(chatId), removals_count: removals, by_category: categories, by_action: actions };
}
