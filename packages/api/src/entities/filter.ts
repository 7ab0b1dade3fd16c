import { z } from 'zod';
import { id, instant } from './common';

export const filterContextSchema = z.enum(['home', 'notifications', 'public', 'thread', 'account']);
export type FilterContext = z.infer<typeof filterContextSchema>;

/** Mastodon's FilterKeyword entity. */
export const filterKeywordSchema = z
  .object({ id: id(), keyword: z.string(), whole_word: z.boolean() })
  .meta({ id: 'FilterKeyword' });

/** Mastodon's FilterStatus entity: one status a filter names. */
export const filterStatusSchema = z.object({ id: id(), status_id: id() }).meta({ id: 'FilterStatus' });

/** Mastodon's Filter entity (v2). */
export const filterSchema = z
  .object({
    id: id(),
    title: z.string(),
    context: z.array(filterContextSchema),
    expires_at: instant().nullable(),
    filter_action: z.enum(['warn', 'hide', 'blur']),
    keywords: z.array(filterKeywordSchema),
    statuses: z.array(filterStatusSchema),
  })
  .meta({ id: 'Filter' });
export type Filter = z.infer<typeof filterSchema>;

/** Mastodon's FilterResult: why a status matched a filter (on `Status.filtered`). */
export const filterResultSchema = z
  .object({
    filter: filterSchema,
    keyword_matches: z.array(z.string()).nullable(),
    status_matches: z.array(id()).nullable(),
  })
  .meta({ id: 'FilterResult' });
export type FilterResult = z.infer<typeof filterResultSchema>;

/** Mastodon's V1::Filter: one keyword of a v2 filter, as apps from before 4.0 read them. */
export const filterV1Schema = z
  .object({
    id: id(),
    phrase: z.string(),
    context: z.array(filterContextSchema),
    expires_at: instant().nullable(),
    irreversible: z.boolean(),
    whole_word: z.boolean(),
  })
  .meta({ id: 'V1Filter' });
