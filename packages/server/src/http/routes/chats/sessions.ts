import {
  eventCreateSchema,
  sessionCreateSchema,
  sessionListQuery,
  sessionPatchSchema,
} from '@hashchat/api/requests/chats';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { loadChat, loadSession } from '../../../services/chats/access';
import { sessionListPlan } from '../../../services/chats/directory';
import {
  createEventSeries,
  createSession,
  hostTransition,
  updateSession,
} from '../../../services/chats/sessions';
import { presentSessions } from '../../../services/chats/views';
import { listSessions } from '../../../store/chat-sessions';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';
import { nestBrackets } from './inputs';

/** Sessions: a chat's list, one-off and event sessions, one session's page, moves and host controls. */
export const chatSessionRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/:id/sessions', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const q = parseRequest(sessionListQuery, req.query);
    const chat = await loadChat(ctx.store.db, id);
    const plan = sessionListPlan(q.state);
    const order = q.order ?? plan.order;
    const rows = await listSessions(ctx.store.db, {
      chatId: id,
      states: plan.states,
      order,
      cursor: q.cursor ?? null,
      from: null,
      to: null,
      limit: q.limit,
    });
    const last = rows[rows.length - 1];
    if (last && rows.length === q.limit) {
      const next = new URLSearchParams();
      if (q.state) next.set('state', q.state);
      next.set('order', order);
      next.set('limit', String(q.limit));
      next.set('cursor', `${last.starts_at}.${last.id}`);
      reply.header('link', `<${ctx.config.publicUrl}/api/v1/chats/${id}/sessions?${next}>; rel="next"`);
    }
    return presentSessions(ctx, rows, ctx.store.db, new Map([[id, chat]]));
  });

  app.post('/api/v1/chats/:id/sessions', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return createSession(ctx, me, id, parseRequest(sessionCreateSchema, nestBrackets(req.body)));
  });

  app.post('/api/v1/chats/:id/events', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return createEventSeries(ctx, me, id, parseRequest(eventCreateSchema, nestBrackets(req.body)));
  });

  app.get('/api/v1/sessions/:id', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    const { session, chat } = await loadSession(ctx.store.db, id);
    const [entity] = await presentSessions(ctx, [session], ctx.store.db, new Map([[Number(chat.id), chat]]));
    return entity;
  });

  app.patch('/api/v1/sessions/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return updateSession(ctx, me, id, parseRequest(sessionPatchSchema, nestBrackets(req.body)));
  });

  for (const action of ['start', 'end', 'cancel'] as const) {
    app.post(`/api/v1/sessions/:id/${action}`, async (req) => {
      const me = requireUser(req, 'write:statuses');
      const { id } = parseRequest(idParam, req.params);
      return hostTransition(ctx, me, id, action);
    });
  }
};
