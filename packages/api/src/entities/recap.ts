import { z } from 'zod';
import { accountSchema } from './account';
import { chatSessionSchema } from './chat';
import { id, instant } from './common';
import { pollSchema } from './poll';
import { roomStatusSchema, statusSchema } from './status';

/** Entities of the transcript and recap API (our extension). */

export const recapMinuteSchema = z.object({
  /** Minutes since the session went live. */
  minute: z.number().int(),
  /** The minute's start. */
  at: instant(),
  count: z.number().int(),
});
export type RecapMinute = z.infer<typeof recapMinuteSchema>;

export const recapTopAnswerSchema = z.object({
  status: roomStatusSchema,
  question_number: z.number().int().nullable(),
  favourites_count: z.number().int(),
  reblogs_count: z.number().int(),
});
export type RecapTopAnswer = z.infer<typeof recapTopAnswerSchema>;

/** A poll asked in the room, with its result (as anyone reads it: no one's vote). */
export const recapPollSchema = z.object({
  status_id: id(),
  /** The text of the status that asked, as written. */
  text: z.string(),
  account: accountSchema,
  poll: pollSchema,
});
export type RecapPoll = z.infer<typeof recapPollSchema>;

export const recapLinkSchema = z.object({
  url: z.string(),
  count: z.number().int(),
  title: z.string().nullable(),
  status_id: id(),
});
export type RecapLink = z.infer<typeof recapLinkSchema>;

export const recapExportsSchema = z.object({
  html: z.string(),
  markdown: z.string(),
  csv: z.string(),
  json: z.string(),
});
export type RecapExports = z.infer<typeof recapExportsSchema>;

/** The figures of one session. */
export const recapSchema = z
  .object({
    session: chatSessionSchema,
    final: z.boolean(),
    generated_at: instant(),
    /** When the session actually went live (not its scheduled start); null before. */
    started_at: instant().nullable(),
    /** When it actually ended; null while it runs. */
    ended_at: instant().nullable(),
    /** Whole minutes from started_at to ended_at; null until both are known. */
    duration_minutes: z.number().int().nullable(),
    statuses_count: z.number().int(),
    late_statuses_count: z.number().int(),
    participants_count: z.number().int(),
    new_participants_count: z.number().int(),
    returning_participants_count: z.number().int(),
    hosts_statuses_count: z.number().int(),
    /** 0–1, four decimals. */
    hosts_share: z.number(),
    answers_per_question: z.array(z.object({ question_number: z.number().int(), count: z.number().int() })),
    posts_per_minute: z.array(recapMinuteSchema),
    peak_minute: recapMinuteSchema.nullable(),
    top_participants: z.array(z.object({ account: accountSchema, statuses_count: z.number().int() })),
    top_answers: z.array(recapTopAnswerSchema),
    /** Every poll of the room, oldest first. */
    polls: z.array(recapPollSchema),
    most_mentioned: z.array(z.object({ account: accountSchema, mentions_count: z.number().int() })),
    links: z.array(recapLinkSchema),
    languages: z.array(z.object({ language: z.string(), count: z.number().int() })),
    potential_reach: z.number().int(),
    potential_impressions: z.number().int(),
    /** How each figure is counted, by figure name. */
    definitions: z.record(z.string(), z.string()),
    published: z.object({ status_ids: z.array(id()), published_at: instant() }).nullable(),
    transcript_url: z.string(),
    recap_url: z.string(),
    exports: recapExportsSchema,
  })
  .meta({ id: 'Recap' });
export type Recap = z.infer<typeof recapSchema>;

/** The answer of `POST /api/v1/sessions/{id}/recap/publish`. */
export const publishedRecapSchema = z
  .object({
    statuses: z.array(statusSchema),
    published_at: instant(),
    /** True when the thread had been published before (by this or another host). */
    already_published: z.boolean(),
  })
  .meta({ id: 'PublishedRecap' });
export type PublishedRecap = z.infer<typeof publishedRecapSchema>;

export const sessionStatsSchema = z.object({
  session: chatSessionSchema,
  statuses_count: z.number().int(),
  participants_count: z.number().int(),
  new_participants_count: z.number().int(),
  returning_participants_count: z.number().int(),
});
export type SessionStats = z.infer<typeof sessionStatsSchema>;

/** Every live or ended session of a chat side by side, oldest first. */
export const chatStatsSchema = z
  .object({
    chat_id: id(),
    hashtag: z.string(),
    sessions: z.array(sessionStatsSchema),
    definitions: z.record(z.string(), z.string()),
  })
  .meta({ id: 'ChatStats' });
export type ChatStats = z.infer<typeof chatStatsSchema>;

/** A question of the transcript's index. */
export const questionIndexEntrySchema = z.object({
  question_number: z.number().int(),
  /** The status that asked it; null when only answers to it are in the room. */
  status_id: id().nullable(),
  text: z.string().nullable(),
  answers_count: z.number().int(),
});
export type QuestionIndexEntry = z.infer<typeof questionIndexEntrySchema>;

/** A session's transcript (one page of it, or all of it in `transcript.json`). */
export const transcriptSchema = z
  .object({
    session: chatSessionSchema,
    /** The session has ended: the transcript will not change. */
    final: z.boolean(),
    questions: z.array(questionIndexEntrySchema),
    statuses: z.array(roomStatusSchema),
  })
  .meta({ id: 'Transcript' });
export type Transcript = z.infer<typeof transcriptSchema>;
