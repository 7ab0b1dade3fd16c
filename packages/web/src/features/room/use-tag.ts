import type { Tag } from '@hashchat/api/entities/tag';
import { useEffect, useState } from 'react';
import { getTag } from '../../api/tags';

/** The hashtag's record (following flag, recent use); reloads when the session changes. */
export function useTag(name: string, sessionKey: string): [Tag | null, (tag: Tag) => void] {
  const [tag, setTag] = useState<Tag | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: signing in or out changes `following`
  useEffect(() => {
    let active = true;
    getTag(name).then(
      (value) => active && setTag(value),
      () => active && setTag({ id: '', name, url: '', history: [], following: false }),
    );
    return () => {
      active = false;
    };
  }, [name, sessionKey]);
  return [tag, setTag];
}
