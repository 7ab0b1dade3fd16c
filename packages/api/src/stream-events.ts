import { z } from 'zod';
import { chatSchema, chatSessionSchema } from './entities/chat';
import { conversationSchema } from './entities/conversation';
import { liveCountersSchema, questionSchema, spotlightChangeSchema } from './entities/live';
import { submissionSchema } from './entities/moderation';
import { notificationSchema } from './entities/notification';
import { statusSchema } from './entities/status';
import type { InternalEventName, StreamEventName } from './stream-event-names';

/** Event name → payload of the server's streams. */
export const streamEventSchemas = {
  update: statusSchema,
  /** The id of the deleted status (sent bare, not JSON-quoted). */
  delete: z.string(),
  'status.update': statusSchema,
  notification: notificationSchema,
  /** A direct conversation of the viewer changed (the `direct` stream). */
  conversation: conversationSchema,
  /** A session of the chat was scheduled, moved, went live, ended or was cancelled. */
  'chat.session': chatSessionSchema,
  'chat.update': chatSchema,
  'chat.delete': z.object({ id: z.string() }),
  /** An agenda item was added, changed, published or skipped (session stream). */
  'chat.question': questionSchema,
  /** A status was pinned to or unpinned from the top of the room (session stream). */
  'chat.spotlight': spotlightChangeSchema,
  /** The room's live numbers (session stream, at most every few seconds). */
  'chat.counters': liveCountersSchema,
  /** A town-hall question is being answered now (session stream). */
  'chat.answering': submissionSchema,
  /** A town-hall question was approved, dismissed, merged into, answered, or is no longer answering. */
  'chat.submission': submissionSchema,
} satisfies Record<StreamEventName, z.ZodType>;

/** Payloads of the internal events (see INTERNAL_EVENT_NAMES). */
export const internalEventSchemas = {
  /** The viewer followed a topic: open home streams add it. */
  'hashchat.follow': z.object({ topic: z.string() }),
  /** The viewer unfollowed a topic: open home streams drop it. */
  'hashchat.unfollow': z.object({ topic: z.string() }),
  /** A block or mute began or ended between the stream's viewer and `account_id`. */
  'hashchat.exclude': z.object({ account_id: z.number().int(), excluded: z.boolean() }),
  /** The viewer's filters changed: as they now are (rows, not entities), for open streams to apply. */
  'hashchat.filters': z.array(z.looseObject({ id: z.number(), keywords: z.array(z.unknown()) })),
} satisfies Record<InternalEventName, z.ZodType>;

export type StreamEventMap = { [K in StreamEventName]: z.infer<(typeof streamEventSchemas)[K]> };

/** One event as a listener receives it: its name and its parsed payload. */
export type StreamEvent = {
  [K in StreamEventName]: { event: K; payload: StreamEventMap[K] };
}[StreamEventName];
