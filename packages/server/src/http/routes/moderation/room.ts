import { idParam, limitParam, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { loadChat, loadSession } from '../../../services/chats/access';
import { moderateRoom } from '../../../services/moderation/actions';
import { presentActions } from '../../../services/moderation/log';
import { requireModerator } from '../../../services/moderation/moderators';
import { moderationQueue } from '../../../services/moderation/queue';
import { listActions, REPORT_CATEGORIES } from '../../../store/moderation';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const id = z.union([z.string().regex(/^\d{1,18}$/), z.number().int().positive()]).transform(Number);

const actionBody = z.object({
  action: z.enum(['hide', 'unhide', 'mute', 'unmute', 'ban', 'unban', 'approve', 'reject']),
  status_id: id.optional(),
  account_id: id.optional(),
  duration_minutes: z.coerce.number().int().min(1).max(525_600).optional(),
  reason: userText().max(500).default(''),
  category: z.enum(REPORT_CATEGORIES as [string, ...string[]]).optional(),
});

const logQuery = z.object({
  max_id: z.coerce.number().int().positive().optional(),
  limit: limitParam(40, 80),
});

/** Room moderation: actions on a session's room (logged), the log, and the review queue. */
export const moderationRoomRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/sessions/:id/moderation', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const b = parseRequest(actionBody, req.body);
    return moderateRoom(ctx, me, sessionId, {
      action: b.action,
      statusId: b.status_id ?? null,
      accountId: b.account_id ?? null,
      durationMinutes: b.duration_minutes ?? null,
      reason: b.reason,
      category: (b.category as (typeof REPORT_CATEGORIES)[number] | undefined) ?? null,
    });
  });

  const sendLog = async (
    chatId: number,
    path: string,
    q: z.infer<typeof logQuery>,
    reply: { header(k: string, v: string): unknown },
  ) => {
    const rows = await listActions(ctx.store.db, chatId, q.max_id ?? null, q.limit);
    if (rows.length === q.limit) {
      reply.header(
        'link',
        `<${ctx.config.publicUrl}${path}?limit=${q.limit}&max_id=${rows[rows.length - 1].id}>; rel="next"`,
      );
    }
    return presentActions(ctx, rows);
  };

  app.get('/api/v1/sessions/:id/moderation', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const q = parseRequest(logQuery, req.query);
    const { chat } = await loadSession(ctx.store.db, sessionId);
    await requireModerator(ctx.store.db, chat, me);
    return sendLog(Number(chat.id), `/api/v1/sessions/${sessionId}/moderation`, q, reply);
  });

  app.get('/api/v1/chats/:id/moderation', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const { id: chatId } = parseRequest(idParam, req.params);
    const q = parseRequest(logQuery, req.query);
    const chat = await loadChat(ctx.store.db, chatId);
    await requireModerator(ctx.store.db, chat, me);
    return sendLog(chatId, `/api/v1/chats/${chatId}/moderation`, q, reply);
  });

  app.get('/api/v1/sessions/:id/moderation/queue', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const { limit } = parseRequest(logQuery, req.query);
    return moderationQueue(ctx, me, sessionId, limit);
  });
};
