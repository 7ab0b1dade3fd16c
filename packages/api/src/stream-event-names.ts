// The names alone, with no schema: the web app imports these at runtime and must not pull zod
// into its bundle. stream-events.ts maps each to its payload schema (and checks it lists them all).

/** Events a client receives on a stream: the Mastodon set, then the chat and session streams'. */
export const STREAM_EVENT_NAMES = [
  'update',
  'delete',
  'status.update',
  'notification',
  'conversation',
  'chat.session',
  'chat.update',
  'chat.delete',
  'chat.question',
  'chat.spotlight',
  'chat.counters',
  'chat.answering',
  'chat.submission',
] as const;
export type StreamEventName = (typeof STREAM_EVENT_NAMES)[number];

/** Events between the server's own processes, never sent to a client (the reader acts on them). */
export const INTERNAL_EVENT_NAMES = [
  'hashchat.follow',
  'hashchat.unfollow',
  'hashchat.exclude',
  'hashchat.filters',
] as const;
export type InternalEventName = (typeof INTERNAL_EVENT_NAMES)[number];
