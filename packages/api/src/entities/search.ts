import { z } from 'zod';
import { accountSchema } from './account';
import { statusSchema } from './status';
import { tagSchema } from './tag';

/** Mastodon's v2 Search entity. */
export const searchResultsSchema = z
  .object({ accounts: z.array(accountSchema), statuses: z.array(statusSchema), hashtags: z.array(tagSchema) })
  .meta({ id: 'Search' });
export type SearchResults = z.infer<typeof searchResultsSchema>;
