import { z } from 'zod';
import { accountSchema } from './account';
import { id, instant } from './common';
import { statusSchema } from './status';

/** Entities of the moderation and town-hall API (our extension, docs/api.md "Moderation and town hall"). */

export const reportCategorySchema = z.enum(['spam', 'harassment', 'off_topic', 'misinformation', 'other']);
export type ReportCategory = z.infer<typeof reportCategorySchema>;

/** What a moderator can do to a status or its author in a session's room. */
export const roomActionSchema = z.enum([
  'hide',
  'unhide',
  'mute',
  'unmute',
  'ban',
  'unban',
  'approve',
  'reject',
]);
export type RoomAction = z.infer<typeof roomActionSchema>;

/** One entry of a chat's moderation log. */
export const loggedActionSchema = z
  .object({
    id: id(),
    /** A room action, or settings, resolve_report, approve_submission, … */
    action: z.string(),
    session_id: id().nullable(),
    status_id: id().nullable(),
    account_id: id().nullable(),
    submission_id: id().nullable(),
    report_id: id().nullable(),
    category: reportCategorySchema.nullable(),
    reason: z.string(),
    duration_minutes: z.number().int().nullable(),
    created_at: instant(),
    moderator: accountSchema.nullable(),
    account: accountSchema.nullable(),
  })
  .meta({ id: 'LoggedAction' });
export type LoggedAction = z.infer<typeof loggedActionSchema>;

export const reportSchema = z
  .object({
    id: id(),
    chat_id: id(),
    category: reportCategorySchema,
    comment: z.string(),
    state: z.enum(['open', 'resolved']),
    resolution: z.string().nullable(),
    created_at: instant(),
    resolved_at: instant().nullable(),
    /** Sent on by its moderators to the reported account's server, as a `Flag`. */
    forwarded: z.boolean(),
    /** Who reported. */
    account: accountSchema.nullable(),
    target_account: accountSchema.nullable(),
    status: statusSchema.nullable(),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof reportSchema>;

/** Mastodon's report categories (`POST /api/v1/reports`). */
export const accountReportCategorySchema = z.enum(['spam', 'legal', 'violation', 'other']);

/** A report to the instance about an account, as Mastodon's Report entity. */
export const accountReportSchema = z
  .object({
    id: id(),
    action_taken: z.boolean(),
    action_taken_at: instant().nullable(),
    category: accountReportCategorySchema,
    comment: z.string(),
    /** Sent to the account's own server as a `Flag`, by this server (the reporter is not named). */
    forwarded: z.boolean(),
    created_at: instant(),
    status_ids: z.array(id()).nullable(),
    rule_ids: z.array(id()).nullable(),
    target_account: accountSchema,
  })
  .meta({ id: 'AccountReport' });
export type AccountReport = z.infer<typeof accountReportSchema>;

export const heldStatusSchema = z.object({
  status: statusSchema,
  /** Why it waits, e.g. "word filter: spam". */
  reason: z.string(),
  held_at: instant(),
});
export type HeldStatus = z.infer<typeof heldStatusSchema>;

export const moderationSettingsSchema = z
  .object({
    slow_mode_seconds: z.number().int(),
    word_filter: z.array(z.string()),
    min_account_age_days: z.number().int(),
  })
  .meta({ id: 'ModerationSettings' });
export type ModerationSettings = z.infer<typeof moderationSettingsSchema>;

/** A chat's slow mode, as a participant needs it before posting (public). */
export const slowModeSchema = z
  .object({
    /** Seconds a participant waits between two posts in the room; 0: off. */
    slow_mode_seconds: z.number().int(),
    /** When the viewer may post in the room again; null when they may now (or are exempt). */
    next_post_at: instant().nullable(),
    /** The viewer moderates the chat: slow mode does not hold them back. */
    exempt: z.boolean(),
  })
  .meta({ id: 'SlowMode' });
export type SlowMode = z.infer<typeof slowModeSchema>;

/** A chat's public moderation counts. */
export const moderationStatsSchema = z
  .object({
    chat_id: id(),
    removals_count: z.number().int(),
    by_category: z.record(reportCategorySchema, z.number().int()),
    by_action: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'ModerationStats' });
export type ModerationStats = z.infer<typeof moderationStatsSchema>;

export const submissionStateSchema = z.enum(['pending', 'approved', 'dismissed', 'answering', 'answered']);
export type SubmissionState = z.infer<typeof submissionStateSchema>;

export const submissionSortSchema = z.enum(['votes', 'newest', 'unanswered']);
export type SubmissionSort = z.infer<typeof submissionSortSchema>;

/** A question of a town-hall session's queue. */
export const submissionSchema = z
  .object({
    id: id(),
    session_id: id(),
    text: z.string(),
    account: accountSchema.nullable(),
    status_id: id().nullable(),
    votes_count: z.number().int(),
    /**
     * Votes (included in votes_count) from accounts made after the session was announced; for
     * the chat's moderators only, null for everyone else.
     */
    new_account_votes_count: z.number().int().nullable(),
    voted: z.boolean(),
    state: submissionStateSchema,
    answer_status_id: id().nullable(),
    merged_into_id: id().nullable(),
    carried_from_id: id().nullable(),
    dismiss_reason: z.string().nullable(),
    created_at: instant(),
    answering_at: instant().nullable(),
    answered_at: instant().nullable(),
  })
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof submissionSchema>;

/** What waits for a moderator of a session's chat, oldest first. */
export const moderationQueueSchema = z
  .object({
    pending: z.array(heldStatusSchema),
    reports: z.array(reportSchema),
    submissions: z.array(submissionSchema),
  })
  .meta({ id: 'ModerationQueue' });
export type ModerationQueue = z.infer<typeof moderationQueueSchema>;

export const townHallSchema = z
  .object({ session_id: id(), town_hall: z.boolean(), submission_marker: z.string().nullable() })
  .meta({ id: 'TownHall' });
export type TownHall = z.infer<typeof townHallSchema>;
