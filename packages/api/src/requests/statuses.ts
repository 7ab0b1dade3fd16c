import { POLL_LIMITS as L } from '@hashchat/core/status/poll-rules';
import { z } from 'zod';
import { formBool, userText } from './fields';

// What the status, poll, scheduled-status and media routes of the Mastodon API take.

/** The longest alt text, in characters. */
export const MAX_DESCRIPTION = 1500;

const language = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'is not a valid ISO 639 code')
  .optional()
  .nullable();

/** `scheduled_at` as an epoch-millisecond time; null when absent or empty (post now). */
export const scheduledAtParam = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, c) => {
    if (v === undefined || v === null || v === '') return null;
    const t = Date.parse(v);
    if (Number.isNaN(t)) {
      c.addIssue({ code: 'custom', message: 'is not a valid time' });
      return z.NEVER;
    }
    return t;
  })
  .meta({ description: 'At least 5 minutes ahead (ISO 8601): the answer is then a ScheduledStatus.' });

/** A poll, as JSON (`poll: {options: […], …}`) or form fields (`poll[options][]=…`). */
export const pollParams = z.object({
  options: z
    .array(userText().trim().min(1, "can't be blank").max(L.max_characters_per_option))
    .min(2, `must have at least 2 options`)
    .max(L.max_options, `must have at most ${L.max_options} options`),
  expires_in: z.coerce
    .number()
    .int()
    .min(L.min_expiration, 'The poll must last at least 5 minutes')
    .max(L.max_expiration, 'The poll must end within 7 days'),
  multiple: formBool.default(false),
  hide_totals: formBool.default(false),
});
export type PollBody = z.input<typeof pollParams>;

const mediaIds = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '' ? [] : (Array.isArray(v) ? v : [v]).map(Number)))
  .refine(
    (ids) => ids === undefined || ids.every((n) => Number.isInteger(n) && n > 0),
    'contains an invalid id',
  );

export const statusCreateBody = z.object({
  status: userText({ error: "Validation failed: Text can't be blank" }).default(''),
  in_reply_to_id: z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null || v === '' ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), 'is not a valid id'),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).default('public'),
  language,
  spoiler_text: userText().max(500).default(''),
  sensitive: formBool.default(false),
  /** Up to 4 of the caller's processed, unattached uploads, in the order shown. */
  media_ids: mediaIds.transform((v) => v ?? []),
  scheduled_at: scheduledAtParam,
});

/**
 * The poll is read apart from the rest of the body (the server's `pollFromBody`), so that a
 * form's `poll[options][]=…` fields and an empty `poll` work too; the document shows it here.
 */
export const withPoll = <S extends z.ZodObject>(body: S) => body.extend({ poll: pollParams.optional() });

export const scheduledStatusUpdateBody = z.object({ scheduled_at: scheduledAtParam });

export const pollVoteBody = z.object({
  choices: z
    .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((c) => (c === '' ? Number.NaN : Number(c)))),
});

/** `x,y`, each from -1.0 to 1.0 (Mastodon's focal point). */
const focus = z
  .string()
  .regex(/^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/, 'must be two numbers: x,y')
  .transform((v) => {
    const [x, y] = v.split(',').map(Number);
    return { x, y };
  })
  .refine((f) => Math.abs(f.x) <= 1 && Math.abs(f.y) <= 1, 'must be from -1.0 to 1.0');

/** What `POST /api/v2/media` and `PUT /api/v1/media/:id` take besides the file (the multipart part `file`). */
export const mediaFields = z.object({
  description: userText().max(MAX_DESCRIPTION).optional(),
  focus: focus.optional(),
});

/** One of `media_attributes[]` on an edit: new alt text or focus for an image the edit keeps or adds. */
const mediaAttribute = z.object({
  id: z
    .union([z.string(), z.number()])
    .transform(Number)
    .refine((n) => Number.isInteger(n) && n > 0, 'is not a valid id'),
  description: userText().max(MAX_DESCRIPTION).optional(),
  focus: focus.optional(),
});

export const statusEditBody = z.object({
  status: userText({ error: "Validation failed: Text can't be blank" }).default(''),
  spoiler_text: userText().max(500).default(''),
  sensitive: formBool.default(false),
  language,
  /** The images the status has after the edit, in order (absent: it keeps those it has). */
  media_ids: mediaIds,
  media_attributes: z.array(mediaAttribute).max(4).optional(),
});
