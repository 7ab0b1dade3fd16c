import type { Tag } from '@hashchat/api/entities/tag';
import { getTag } from '../../api/tags';
import { useResource } from '../../app/use-resource';

/** The hashtag's record (following flag, recent use); reloads when the session changes. */
export function useTag(name: string, sessionKey: string): [Tag | null, (tag: Tag) => void] {
  // `sessionKey`: signing in or out changes `following`. A tag that cannot be read is shown unfollowed.
  const tag = useResource(
    () => getTag(name).catch((): Tag => ({ id: '', name, url: '', history: [], following: false })),
    [name, sessionKey],
  );
  return [tag.value ?? null, (next: Tag) => tag.update(() => next)];
}
