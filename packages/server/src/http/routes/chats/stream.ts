import { chatStreamQuery } from '@hashchat/api/requests/chats';
import { parseRequest } from '@hashchat/api/requests/validation';
import { chatTopic } from '@hashchat/api/topics';
import { loadChat } from '../../../services/chats/access';
import { resolveSessionStream } from '../../../services/live/session-stream';
import { loadSafety } from '../../../services/moderation/stream-safety';
import { SseReader } from '../../../stream/sse';
import type { RouteModule } from '../../route-module';
import { admitStream } from '../../stream-admission';

/**
 * A chat's own stream over SSE: `chat.session` (a session was scheduled, moved, went live,
 * ended, was cancelled), `chat.update` and `chat.delete`. With `session_id`, a session's room
 * instead (docs/api.md, "Live sessions"), or with `curated=true` its highlights (the curated
 * stream). Resumable with Last-Event-ID like the Mastodon streams.
 */
export const chatStreamRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/streaming/chat', async (req, reply) => {
    const { chat_id, session_id, curated } = parseRequest(chatStreamQuery, req.query);
    const room =
      session_id !== undefined ? await resolveSessionStream(ctx, String(session_id), curated === true) : null;
    if (chat_id !== undefined) await loadChat(ctx.store.db, chat_id);
    const raw = req.headers['last-event-id'] ?? (req.query as Record<string, unknown>).last_event_id;
    const since = typeof raw === 'string' && /^\d{1,18}$/.test(raw) ? Number(raw) : null;
    // The viewer's blocks and mutes apply in the room too, kept current by events.
    const safety = await loadSafety(ctx, req.viewer.accountId);
    const admit = admitStream(ctx, req);
    reply.hijack();
    const reader = new SseReader(reply.raw, ctx.config.stream.maxBufferedBytes);
    admit(reader);
    safety(reader);
    if (room) {
      for (const t of room.topics) reader.topics.set(t, room.name);
      room.track(reader);
    } else reader.topics.set(chatTopic(chat_id!), ['chat', String(chat_id)]);
    reader.open();
    await ctx.hub.attach(reader, since);
  });
};
