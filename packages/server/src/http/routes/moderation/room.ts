import { idParam } from '@hashchat/api/requests/fields';
import { moderationLogQuery, roomActionBody } from '@hashchat/api/requests/moderation';
import { parseRequest } from '@hashchat/api/requests/validation';
import type { z } from 'zod';
import { loadChat, loadSession } from '../../../services/chats/access';
import { moderateRoom } from '../../../services/moderation/actions';
import { presentActions } from '../../../services/moderation/log';
import { requireModerator } from '../../../services/moderation/moderators';
import { moderationQueue } from '../../../services/moderation/queue';
import { listActions } from '../../../store/moderation';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** Room moderation: actions on a session's room (logged), the log, and the review queue. */
export const moderationRoomRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/sessions/:id/moderation', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const b = parseRequest(roomActionBody, req.body);
    return moderateRoom(ctx, me, sessionId, {
      action: b.action,
      statusId: b.status_id ?? null,
      accountId: b.account_id ?? null,
      durationMinutes: b.duration_minutes ?? null,
      reason: b.reason,
      category: b.category ?? null,
    });
  });

  const sendLog = async (
    chatId: number,
    path: string,
    q: z.infer<typeof moderationLogQuery>,
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
    const q = parseRequest(moderationLogQuery, req.query);
    const { chat } = await loadSession(ctx.store.db, sessionId);
    await requireModerator(ctx.store.db, chat, me);
    return sendLog(Number(chat.id), `/api/v1/sessions/${sessionId}/moderation`, q, reply);
  });

  app.get('/api/v1/chats/:id/moderation', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const { id: chatId } = parseRequest(idParam, req.params);
    const q = parseRequest(moderationLogQuery, req.query);
    const chat = await loadChat(ctx.store.db, chatId);
    await requireModerator(ctx.store.db, chat, me);
    return sendLog(chatId, `/api/v1/chats/${chatId}/moderation`, q, reply);
  });

  app.get('/api/v1/sessions/:id/moderation/queue', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const { limit } = parseRequest(moderationLogQuery, req.query);
    return moderationQueue(ctx, me, sessionId, limit);
  });
};
