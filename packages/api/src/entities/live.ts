import { z } from 'zod';
import { accountSchema } from './account';
import { chatSessionSchema } from './chat';
import { id, instant } from './common';
import { mediaAttachmentSchema } from './media';
import { roomStatusSchema, statusSchema } from './status';

/** Entities of the live-session API (our extension). */

export const questionKindSchema = z.enum(['question', 'intro', 'closing']);
export type QuestionKind = z.infer<typeof questionKindSchema>;

export const questionStateSchema = z.enum(['draft', 'scheduled', 'published', 'skipped']);
export type QuestionState = z.infer<typeof questionStateSchema>;

/** One item of a session's agenda. */
export const questionSchema = z
  .object({
    id: id(),
    session_id: id(),
    position: z.number().int(),
    kind: questionKindSchema,
    text: z.string(),
    image_url: z.string().nullable(),
    image_alt: z.string().nullable(),
    /** An uploaded image the item is published with (its alt text is the attachment's description). */
    media: mediaAttachmentSchema.nullable(),
    /** Minutes after the session's start at which the scheduler publishes it; null: only by Next. */
    offset_minutes: z.number().int().nullable(),
    state: questionStateSchema,
    /** The n of "Qn" (questions only; intro and closing posts have none). */
    question_number: z.number().int().nullable(),
    /** The status that asked it, once published (a room status, with `chat`). */
    status: statusSchema.nullable(),
    /** When the scheduler will publish it, or null. */
    publish_at: instant().nullable(),
    published_at: instant().nullable(),
    created_at: instant(),
    updated_at: instant(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof questionSchema>;

export const liveCountersSchema = z
  .object({
    /** Open streams of the room. */
    people_in_room: z.number().int(),
    /** Distinct authors of visible statuses in the room. */
    participants: z.number().int(),
    /** Visible statuses posted in the last minute. */
    posts_per_minute: z.number().int(),
    statuses: z.number().int(),
  })
  .meta({ id: 'LiveCounters' });
export type LiveCounters = z.infer<typeof liveCountersSchema>;

/** A session's live state in one read: the current question, the numbers, the pinned statuses. */
export const liveStateSchema = z
  .object({
    session: chatSessionSchema,
    agenda_public: z.boolean(),
    current_question: questionSchema.nullable(),
    /** The next unpublished item, when the viewer may see it (hosts; everyone when the agenda is public). */
    next_question: questionSchema.nullable(),
    counters: liveCountersSchema,
    /** Room statuses (with `chat`), newest pin first. */
    spotlighted: z.array(statusSchema),
  })
  .meta({ id: 'LiveState' });
export type LiveState = z.infer<typeof liveStateSchema>;

/** A participant who posted and has had no reply or like from a host yet. */
export const acknowledgementSchema = z
  .object({
    account: accountSchema,
    statuses_count: z.number().int(),
    last_status: roomStatusSchema,
    /** When their first unanswered status was posted. */
    waiting_since: instant(),
  })
  .meta({ id: 'Acknowledgement' });
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** A status was pinned to, or unpinned from, the top of the room. */
export const spotlightChangeSchema = z
  .object({
    status_id: id(),
    spotlighted: z.boolean(),
    /** The room status (with `chat`); null when it is gone. */
    status: statusSchema.nullable(),
  })
  .meta({ id: 'SpotlightChange' });
export type SpotlightChange = z.infer<typeof spotlightChangeSchema>;
