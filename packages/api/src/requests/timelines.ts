import { z } from 'zod';
import { formBool, limitParam, pageParams, stringList } from './fields';

// What the timeline, hashtag, search, notification, marker and trend routes of the Mastodon API take.

export const hashtagParams = z.object({ hashtag: z.string().min(1).max(200) });
export const tagNameParams = z.object({ name: z.string().min(1).max(200) });

export const publicTimelineQuery = pageParams.extend({
  local: formBool.optional(),
  remote: formBool.optional(),
  only_media: formBool.optional(),
});

/** A hashtag timeline, with Mastodon's `any[]`, `all[]` and `none[]` of other hashtags. */
export const tagTimelineQuery = publicTimelineQuery.extend({
  any: stringList,
  all: stringList,
  none: stringList,
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(500),
  type: z.enum(['accounts', 'hashtags', 'statuses']).optional(),
  resolve: formBool.optional(),
  following: formBool.optional(),
  account_id: z.string().optional(),
  max_id: z.coerce.number().int().positive().optional(),
  limit: limitParam(20, 40),
  offset: z.coerce.number().int().min(0).optional(),
});

export const notificationsQuery = pageParams.extend({
  types: stringList,
  exclude_types: stringList,
  account_id: z.coerce.number().int().optional(),
});

export const markersQuery = z.object({ timeline: stringList });

/** One timeline's marker (`home[last_read_id]=…` in a form). */
export const markerBody = z.object({
  last_read_id: z.union([z.string(), z.number()]).transform((v, c) => {
    const s = String(v);
    if (/^\d{1,18}$/.test(s)) return Number(s);
    c.addIssue({ code: 'custom', message: 'is not a valid id' });
    return z.NEVER;
  }),
});

/** The most hashtags the trends answer. */
export const MOST_TRENDS = 20;

export const trendsQuery = z.object({
  limit: limitParam(10, MOST_TRENDS),
  offset: z.coerce.number().int().min(0).max(MOST_TRENDS).default(0),
});

/**
 * A hashtag's stream. The streaming route answers Mastodon's own error for a missing name, so
 * the schema only keeps the value when it is a string.
 */
export const hashtagStreamQuery = z.object({
  tag: z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v : undefined))
    .optional()
    .meta({ type: 'string', description: 'The hashtag, without `#`; without it the answer is 400.' }),
});
