import { curatedTopic, sessionTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import type { Context } from '../../context';
import type { Reader } from '../../stream/reader';
import { liveRuntime } from './counters';
import { sessionChatId } from './join-pages';

/** A session's stream: its topic, the name WebSocket frames give it, and how a reader joins the room's presence. */
export interface SessionStream {
  topics: string[];
  name: string[];
  track: (reader: Reader) => void;
}

/**
 * Resolves `/api/v1/streaming/chat?session_id=` (or the WebSocket `stream: "chat"`) to the
 * `session:<id>` topic, or with `curated` to the session's highlights, `curated:<id>`.
 */
export async function resolveSessionStream(
  ctx: Context,
  rawId: string | undefined,
  curated = false,
): Promise<SessionStream> {
  const id = rawId !== undefined && /^\d{1,18}$/.test(rawId) ? Number(rawId) : null;
  if (id === null) throw notFound('Session not found');
  // From the hot-page cache: in a storm the stream's head is not written behind a query per joiner.
  await sessionChatId(ctx, id).catch(() => {
    throw notFound('Session not found');
  });
  return {
    topics: [curated ? curatedTopic(id) : sessionTopic(id)],
    name: ['chat', String(id)],
    track: (reader) => {
      const rt = liveRuntime(ctx);
      rt.presence.join(id, reader);
      rt.counters.joined(id);
    },
  };
}
