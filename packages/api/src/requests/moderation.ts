import { z } from 'zod';
import { accountReportCategorySchema, reportCategorySchema, roomActionSchema } from '../entities/moderation';
import { formBool, idList, limitParam, stringList, userText } from './fields';

// What the moderation routes take: actions in a session's room, reports, moderation settings,
// the town hall's questions, and Mastodon's mutes.

/** An id in a body: a string of digits or a number. */
const id = z.union([z.string().regex(/^\d{1,18}$/), z.number().int().positive()]).transform(Number);

export const roomActionBody = z.object({
  action: roomActionSchema,
  status_id: id.optional(),
  account_id: id.optional(),
  /** Mute and ban: without it, until undone. */
  duration_minutes: z.coerce.number<number | string>().int().min(1).max(525_600).optional(),
  reason: userText().max(500).default(''),
  category: reportCategorySchema.optional(),
});

/** A moderation log, newest first. */
export const moderationLogQuery = z.object({
  max_id: z.coerce.number().int().positive().optional(),
  limit: limitParam(40, 80),
});

export const reportBody = z.object({
  status_id: id.optional(),
  account_id: id.optional(),
  category: reportCategorySchema.default('other'),
  comment: userText().max(1000).default(''),
});

/**
 * Mastodon's report to the instance: an account, some of its statuses, and `forward` to send it
 * on to the account's own server when it is remote. `rule_ids` is taken and ignored (no rules here).
 */
export const accountReportBody = z.object({
  account_id: id,
  status_ids: idList,
  comment: userText().max(1000).default(''),
  category: accountReportCategorySchema.default('other'),
  forward: formBool.default(false),
  rule_ids: z.unknown().optional(),
});
export type AccountReportBody = z.input<typeof accountReportBody>;

export const reportListQuery = z.object({
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  max_id: z.coerce.number().int().positive().optional(),
  limit: limitParam(40, 80),
});

export const reportResolveBody = z.object({ resolution: userText().max(500).default('') });

export const moderationSettingsBody = z.object({
  slow_mode_seconds: z.coerce.number<number | string>().int().min(0).max(3600).optional(),
  word_filter: stringList.optional().pipe(z.array(userText().max(100)).max(500).optional()),
  min_account_age_days: z.coerce.number<number | string>().int().min(0).max(3650).optional(),
});

export const townHallBody = z.object({
  town_hall: formBool.optional(),
  submission_marker: userText().max(50).nullable().optional(),
});

export const submissionBody = z.object({ text: userText().max(1000) });

export const submissionListQuery = z.object({
  sort: z.enum(['votes', 'newest', 'unanswered']).default('votes'),
  state: z.enum(['pending', 'approved', 'dismissed', 'answering', 'answered']).optional(),
  /** The `cursor` of the Link header's next page. */
  cursor: z
    .string()
    .regex(/^\d{1,9}\.\d{1,18}$/, 'is not a cursor from a Link header')
    .transform((c) => {
      const [votes, sid] = c.split('.').map(Number);
      return { votes, id: sid };
    })
    .optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .transform((n) => Math.min(n, 80)),
});

export const carryOverBody = z.object({
  to_session_id: id,
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

/** Approve, dismiss, answering, answered; `status_id` is the answer, when there is one. */
export const curateBody = z.object({ reason: userText().max(500).default(''), status_id: id.optional() });

export const mergeBody = z.object({ into_id: id, reason: userText().max(500).default('') });

/** Mastodon's mute: `duration` in seconds, 0 for until undone. */
export const muteBody = z.object({
  notifications: formBool.default(true),
  duration: z.coerce
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 24 * 3600)
    .default(0),
});

export type RoomActionBody = z.input<typeof roomActionBody>;
export type ReportBody = z.input<typeof reportBody>;
export type ModerationSettingsBody = z.input<typeof moderationSettingsBody>;
