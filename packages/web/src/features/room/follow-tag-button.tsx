import type { Tag } from '@hashchat/api/entities/tag';
import { setTagFollowing } from '../../api/tags';
import { ToggleButton } from '../../app/toggle-button';
import { useToggle } from '../../app/use-action';

export function FollowTagButton({ tag, onChange }: { tag: Tag; onChange(tag: Tag): void }) {
  const toggle = useToggle(Boolean(tag.following), async (next) => {
    const updated = await setTagFollowing(tag.name, next);
    onChange({ ...tag, ...updated, following: updated.following ?? next });
  });
  return (
    <ToggleButton
      toggle={toggle}
      label={{ on: 'Unfollow hashtag', off: 'Follow hashtag' }}
      // Secondary: in a room the primary action is taking part (posting, asking a question).
      className="button"
    />
  );
}
