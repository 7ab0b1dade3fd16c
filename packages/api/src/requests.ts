import { z } from 'zod';

// Request parameters as the OpenAPI document describes them (what a client may send). The
// server still parses with its own schemas in http/routes for now; moving those here, so one
// schema both validates and documents, is the next step of the contract.

/** Mastodon's keyset pagination: `max_id` goes older, `min_id`/`since_id` newer. */
export const pageQuery = z.object({
  max_id: z.string().optional(),
  since_id: z.string().optional(),
  min_id: z.string().optional(),
  limit: z.number().int().min(1).max(40).default(20).optional(),
});

export const searchQuery = pageQuery.extend({
  q: z.string(),
  type: z.enum(['accounts', 'hashtags', 'statuses']).optional(),
  offset: z.number().int().optional(),
  following: z.boolean().optional(),
});

export const statusCreateBody = z.object({
  status: z.string(),
  in_reply_to_id: z.string().optional(),
  sensitive: z.boolean().optional(),
  spoiler_text: z.string().optional(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).optional(),
  language: z.string().optional(),
  /** Up to 4 of the caller's processed, unattached uploads, in the order shown. */
  media_ids: z.array(z.string()).optional(),
  /** At least 5 minutes ahead: the answer is then a ScheduledStatus. */
  scheduled_at: z.iso.datetime().optional(),
  poll: z
    .object({
      options: z.array(z.string()),
      expires_in: z.number().int(),
      multiple: z.boolean().optional(),
      hide_totals: z.boolean().optional(),
    })
    .optional(),
});

export const statusEditBody = statusCreateBody.pick({
  status: true,
  sensitive: true,
  spoiler_text: true,
  language: true,
  poll: true,
});

export const scheduledStatusUpdateBody = z.object({ scheduled_at: z.iso.datetime() });

export const pollVoteBody = z.object({ choices: z.array(z.number().int()) });

export const hashtagStreamQuery = z.object({ tag: z.string() });

export const filterKeywordBody = z.object({
  /** 1 to 200 characters. */
  keyword: z.string(),
  whole_word: z.boolean().optional(),
});

export const filterBody = z.object({
  title: z.string(),
  context: z.array(z.enum(['home', 'notifications', 'public', 'thread', 'account'])),
  filter_action: z.enum(['warn', 'hide']).optional(),
  /** Seconds; empty for never. */
  expires_in: z.number().int().nullable().optional(),
  /** Up to 100; on update, `id` changes one and `_destroy` removes it. */
  keywords_attributes: z
    .array(
      filterKeywordBody.partial().extend({ id: z.string().optional(), _destroy: z.boolean().optional() }),
    )
    .optional(),
});

export const listStreamQuery = z.object({ list: z.string() });

export const listBody = z.object({
  /** 1 to 200 characters. */
  title: z.string(),
  replies_policy: z.enum(['followed', 'list', 'none']).optional(),
  exclusive: z.boolean().optional(),
});

/** Up to 100 accounts the caller follows. */
export const listAccountsBody = z.object({ account_ids: z.array(z.string()) });

export const chatStreamQuery = z.object({
  chat_id: z.string().optional(),
  session_id: z.string().optional(),
});

export const transcriptQuery = z.object({
  order: z.enum(['asc', 'desc']).optional(),
  max_id: z.string().optional(),
  min_id: z.string().optional(),
  limit: z.number().int().optional(),
  question_number: z.number().int().optional(),
  kind: z.enum(['question', 'answer', 'comment']).optional(),
});
