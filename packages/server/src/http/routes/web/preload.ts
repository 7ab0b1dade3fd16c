import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../../../context';
import { latestEventId } from '../../../store/events';
import { SESSION_COOKIE } from '../../auth';

/**
 * The API answers a room's first render needs, carried in its HTML for a reader who is not
 * signed in, so the room shows without waiting for requests that would start only once the
 * app's script has run (on a slow phone, a chain of two round trips after the script).
 * `since` is the stream position they were read at: the page's streams open from there, so
 * nothing posted between the HTML and the streams is missed. The web app reads it in
 * `api/preload.ts`, each answer once, by the first GET of its URL.
 */
export interface Preload {
  path: string;
  since: string;
  responses: Record<string, { status: number; body: string; link?: string }>;
  streams: string[];
}

const ROOM_PATH = /^\/tags\/([^/]+)$/;
// As the web app's room: a session that ended this recently is still the room's subject.
const RECENTLY_ENDED_MS = 6 * 60 * 60_000;
// As the web app's ROOM_PAGE_SIZE.
const ROOM_PAGE_SIZE = 40;

/** The session a chat's room shows first, when its column is the session's room (live or just ended). */
function roomSession(chat: ChatPage, now: number): ChatSession | null {
  if (chat.next_session?.state === 'live') return chat.next_session;
  const last = chat.past_sessions[0];
  if (last?.state === 'ended' && now - Date.parse(last.ended_at ?? last.ends_at) < RECENTLY_ENDED_MS)
    return last;
  return null;
}

/** The hashtag of a room page read by someone not signed in (whose HTML gets a preload), else null. */
export function preloadedRoomTag(req: FastifyRequest): string | null {
  const match = ROOM_PATH.exec(req.url.split('?')[0]);
  if (!match || req.headers.authorization || req.cookies?.[SESSION_COOKIE]) return null;
  let tag: string;
  try {
    tag = decodeURIComponent(match[1]).replace(/^#/, '');
  } catch {
    return null;
  }
  return tag && tag.length <= 200 ? tag : null;
}

/** The preload for the room of `tag` (see preloadedRoomTag), read as nobody. */
export async function roomPreload(
  app: FastifyInstance,
  ctx: Context,
  req: FastifyRequest,
  tag: string,
): Promise<Preload> {
  const path = req.url.split('?')[0];

  const since = await latestEventId(ctx.store.db);
  const responses: Preload['responses'] = {};
  // The same requests the app would send, answered by the same routes (as nobody, from the
  // reader's address, so limits count them as the reader's own).
  const get = async (url: string) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { accept: 'application/json', host: req.headers.host ?? '' },
      remoteAddress: req.ip,
    });
    const link = res.headers.link;
    responses[url] = { status: res.statusCode, body: res.body, ...(link ? { link: String(link) } : {}) };
    return res;
  };
  const name = encodeURIComponent(tag);
  const [chatRes] = await Promise.all([
    get(`/api/v1/chats/by_tag/${name}`),
    get(`/api/v1/tags/${name}`),
    get('/api/v1/auth/session'),
  ]);
  const streams: string[] = [];
  if (chatRes.statusCode === 200) {
    const chat = JSON.parse(chatRes.body) as ChatPage;
    streams.push(`/api/v1/streaming/chat?chat_id=${encodeURIComponent(chat.id)}`);
    const session = roomSession(chat, ctx.now());
    if (session) {
      const base = `/api/v1/sessions/${encodeURIComponent(session.id)}`;
      await Promise.all(
        [
          `${base}/room?limit=${ROOM_PAGE_SIZE}`,
          `${base}/live`,
          `${base}/questions`,
          `${base}/town_hall`,
        ].map(get),
      );
      streams.push(`/api/v1/streaming/chat?session_id=${encodeURIComponent(session.id)}`);
    }
  }
  return { path, since: String(since), responses, streams };
}

/**
 * The preload as an inert JSON block for the HTML (never run as script, so the CSP need not
 * allow it): `<`, `>` and `&` are escaped, so no status text can close the element.
 */
export function preloadScript(preload: Preload): string {
  const json = JSON.stringify(preload).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/json" id="hashchat-preload">${json}</script>`;
}
