import { STREAM_EVENT_NAMES, type StreamEventName } from '@hashchat/api/stream-event-names';
import type { StreamEvent } from '@hashchat/api/stream-events';
import { streamFrom } from './preload';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export interface StreamListener {
  onEvent(event: StreamEvent): void;
  onState?(state: StreamState): void;
}

// The browser retries by itself after network errors; a refused stream (e.g. 5xx) is closed
// for good, so we reopen it ourselves after this pause.
const REOPEN_DELAY_MS = 5000;

interface SharedStream {
  listeners: Set<StreamListener>;
  source: EventSource | null;
  state: StreamState;
  reopenTimer: ReturnType<typeof setTimeout> | null;
}

const streams = new Map<string, SharedStream>();

function parsePayload(event: StreamEventName, data: string): unknown {
  // `delete` carries a bare id; tolerate a JSON-quoted one too.
  if (event === 'delete') return data.startsWith('"') ? JSON.parse(data) : data;
  return JSON.parse(data);
}

function setState(stream: SharedStream, state: StreamState): void {
  stream.state = state;
  for (const listener of stream.listeners) listener.onState?.(state);
}

function open(url: string, stream: SharedStream): void {
  // Same-origin, so the session cookie goes along; the server never allows credentialed CORS.
  const source = new EventSource(streamFrom(url));
  stream.source = source;
  source.onopen = () => setState(stream, 'live');
  source.onerror = () => {
    setState(stream, 'reconnecting');
    if (source.readyState !== EventSource.CLOSED) return;
    stream.source = null;
    stream.reopenTimer = setTimeout(() => {
      stream.reopenTimer = null;
      if (streams.get(url) === stream) open(url, stream);
    }, REOPEN_DELAY_MS);
  };
  for (const name of STREAM_EVENT_NAMES) {
    source.addEventListener(name, (message) => {
      let payload: unknown;
      try {
        payload = parsePayload(name, (message as MessageEvent<string>).data);
      } catch {
        return;
      }
      const event = { event: name, payload } as StreamEvent;
      for (const listener of stream.listeners) listener.onEvent(event);
    });
  }
}

/**
 * Listens to a server stream (e.g. `/api/v1/streaming/hashtag?tag=x`). Listeners of the same
 * URL share one EventSource; the last one to leave closes it. Returns the unsubscribe function.
 */
export function subscribeStream(url: string, listener: StreamListener): () => void {
  let stream = streams.get(url);
  if (!stream) {
    stream = { listeners: new Set(), source: null, state: 'connecting', reopenTimer: null };
    streams.set(url, stream);
    stream.listeners.add(listener);
    open(url, stream);
  } else {
    stream.listeners.add(listener);
    listener.onState?.(stream.state);
  }
  const current = stream;
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size > 0) return;
    current.source?.close();
    if (current.reopenTimer) clearTimeout(current.reopenTimer);
    streams.delete(url);
  };
}

export const streamUrls = {
  hashtag: (tag: string) => `/api/v1/streaming/hashtag?tag=${encodeURIComponent(tag)}`,
  user: '/api/v1/streaming/user',
  public: '/api/v1/streaming/public',
  /** One of the viewer's lists: its members' statuses. */
  list: (listId: string) => `/api/v1/streaming/list?list=${encodeURIComponent(listId)}`,
  chat: (chatId: string) => `/api/v1/streaming/chat?chat_id=${encodeURIComponent(chatId)}`,
  /**
   * A session's room: classified statuses, agenda, spotlight, state and counters; `curated`,
   * its highlights (hosts, questions, spotlighted and approved statuses, a sample of the rest).
   */
  session: (sessionId: string, curated = false) =>
    `/api/v1/streaming/chat?session_id=${encodeURIComponent(sessionId)}${curated ? '&curated=true' : ''}`,
};
