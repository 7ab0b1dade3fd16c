import type { List } from '@hashchat/api/entities/list';
import type { ListRow } from '../store/lists';

/** Mastodon's List entity. */
export const presentList = (l: ListRow): List => ({
  id: String(l.id),
  title: l.title,
  replies_policy: l.replies_policy,
  exclusive: Number(l.exclusive) === 1,
});
