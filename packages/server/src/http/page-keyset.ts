import type { Keyset } from '../store/keyset';
import type { PageParams } from './pagination';

/** Mastodon's page parameters as the store's keyset cursor. */
export const pageKeyset = (q: PageParams): Keyset => ({
  maxId: q.max_id,
  sinceId: q.since_id,
  minId: q.min_id,
  limit: q.limit,
});
