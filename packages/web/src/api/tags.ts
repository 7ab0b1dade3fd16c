import type { Tag } from '@hashchat/api/entities/tag';
import { ApiError } from './api-error';
import { api } from './http';

/** The hashtag, or an empty one when nobody has used it yet (the server answers 404). */
export async function getTag(name: string): Promise<Tag> {
  try {
    return await api<Tag>(`/api/v1/tags/${encodeURIComponent(name)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      // Not stored yet, so it has no id.
      return { id: '', name, url: `/tags/${encodeURIComponent(name)}`, history: [], following: false };
    }
    throw error;
  }
}

export function setTagFollowing(name: string, follow: boolean): Promise<Tag> {
  return api<Tag>(`/api/v1/tags/${encodeURIComponent(name)}/${follow ? 'follow' : 'unfollow'}`, {
    method: 'POST',
  });
}

/** Posts with the hashtag over the days the server reports (Mastodon: the last 7). */
export function recentUses(tag: Tag): number {
  return tag.history.reduce((sum, day) => sum + (Number.parseInt(day.uses, 10) || 0), 0);
}
