import type { PageParams } from '@hashchat/api/requests/fields';
import type { Keyset } from '../store/keyset';

/** Mastodon's page parameters as the store's keyset cursor. */
export const pageKeyset = (q: PageParams): Keyset => ({
  maxId: q.max_id,
  sinceId: q.since_id,
  minId: q.min_id,
  limit: q.limit,
});
