import { z } from 'zod';
import { id } from './common';

/** Uses and distinct accounts of one UTC day (`day` is epoch seconds), as strings like Mastodon's. */
export const tagHistorySchema = z.object({ day: z.string(), uses: z.string(), accounts: z.string() });
export type TagHistory = z.infer<typeof tagHistorySchema>;

/** Mastodon's Tag entity with a 7-day usage history. */
export const tagSchema = z
  .object({
    id: id(),
    name: z.string(),
    url: z.string(),
    history: z.array(tagHistorySchema),
    following: z.boolean(),
  })
  .meta({ id: 'Tag' });
export type Tag = z.infer<typeof tagSchema>;
