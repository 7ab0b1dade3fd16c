import { z } from 'zod';
import { id } from './common';

/** Mastodon's FeaturedTag entity: a hashtag on a profile, with how often its owner used it. */
export const featuredTagSchema = z
  .object({
    id: id(),
    name: z.string(),
    /** The owner's statuses with the hashtag. */
    url: z.string(),
    statuses_count: z.number().int(),
    /** The day of the owner's latest public status with it (YYYY-MM-DD), or null. */
    last_status_at: z.iso.date().nullable(),
  })
  .meta({ id: 'FeaturedTag' });
export type FeaturedTag = z.infer<typeof featuredTagSchema>;
