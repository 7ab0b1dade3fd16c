import type { Context } from '../../context';
import { holdsOfChat, listReports } from '../../store/moderation';
import { loadSession } from '../chats/access';
import { presentStatuses } from '../status-views';
import { requireModerator } from './moderators';
import { presentReports } from './reports';
import { pendingSubmissions } from './town-hall/queue';

/**
 * What waits for a moderator of a session's chat, oldest first: held statuses to approve or
 * reject, open reports, and (in a town hall) questions to approve.
 */
export async function moderationQueue(ctx: Context, actorId: number, sessionId: number, limit: number) {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  await requireModerator(db, chat, actorId);
  const chatId = Number(chat.id);
  const [holds, reports, submissions] = await Promise.all([
    holdsOfChat(db, chatId, 'pending', limit),
    listReports(db, chatId, 'open', null, limit),
    pendingSubmissions(ctx, sessionId, limit),
  ]);
  const statuses = new Map(
    (
      await presentStatuses(
        ctx,
        holds.map((h) => Number(h.status_id)),
        actorId,
      )
    ).map((s) => [s.id, s]),
  );
  return {
    pending: holds
      .filter((h) => statuses.has(String(h.status_id)))
      .map((h) => ({
        status: statuses.get(String(h.status_id))!,
        reason: h.reason,
        held_at: new Date(Number(h.created_at)).toISOString(),
      })),
    reports: await presentReports(ctx, [...reports].reverse(), actorId),
    submissions,
  };
}
