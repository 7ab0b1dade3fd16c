import { z } from 'zod';
import { loadChat } from '../../../services/chats/access';
import { chatTopic } from '../../../services/chats/session-events';
import { SseReader } from '../../../stream/sse';
import { parse } from '../../params';
import type { RouteModule } from '../../routes';

const query = z.object({
  chat_id: z
    .string()
    .regex(/^\d{1,18}$/, 'is not a chat id')
    .transform(Number),
});

/**
 * A chat's own stream over SSE: `chat.session` (a session was scheduled, moved, went live,
 * ended, was cancelled), `chat.update` and `chat.delete`. Resumable with Last-Event-ID like the
 * Mastodon streams.
 */
export const chatStreamRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/streaming/chat', async (req, reply) => {
    const { chat_id } = parse(query, req.query);
    await loadChat(ctx.store.db, chat_id);
    const raw = req.headers['last-event-id'] ?? (req.query as Record<string, unknown>).last_event_id;
    const since = typeof raw === 'string' && /^\d{1,18}$/.test(raw) ? Number(raw) : null;
    reply.hijack();
    const reader = new SseReader(reply.raw, ctx.config.stream.maxBufferedBytes);
    reader.topics.set(chatTopic(chat_id), ['chat', String(chat_id)]);
    reader.open(req.headers.origin);
    await ctx.hub.attach(reader, since);
  });
};
