import { z } from 'zod';
import { id, instant } from './common';
import { visibilitySchema } from './status';

/** The poll a scheduled status will carry, as it was asked for. */
export const scheduledPollParamsSchema = z.object({
  options: z.array(z.string()),
  expires_in: z.number().int(),
  multiple: z.boolean(),
  hide_totals: z.boolean(),
});

/** Mastodon's ScheduledStatus entity (no media: `media_ids` null, `media_attachments` empty). */
export const scheduledStatusSchema = z
  .object({
    id: id(),
    scheduled_at: instant(),
    params: z.object({
      text: z.string(),
      poll: scheduledPollParamsSchema.nullable(),
      media_ids: z.null(),
      sensitive: z.boolean().nullable(),
      spoiler_text: z.string().nullable(),
      visibility: visibilitySchema,
      in_reply_to_id: id().nullable(),
      language: z.string().nullable(),
      application_id: z.null(),
      scheduled_at: z.null(),
      idempotency: z.string().nullable(),
      with_rate_limit: z.boolean(),
    }),
    media_attachments: z.array(z.never()),
  })
  .meta({ id: 'ScheduledStatus' });
export type ScheduledStatus = z.infer<typeof scheduledStatusSchema>;
