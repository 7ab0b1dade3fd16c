import type { Account } from '@hashchat/api/entities/account';
import { getRelationship, setFollowing } from '../../api/accounts';
import { followClass, ToggleButton } from '../../app/toggle-button';
import { useToggle } from '../../app/use-action';
import { useResource } from '../../app/use-resource';

export function FollowButton({
  account,
  onFollowChange,
}: {
  account: Account;
  onFollowChange(delta: number): void;
}) {
  // Not known until read; a relationship that cannot be read counts as not following. A follow
  // of a remote account waiting for its server's answer (`requested`) counts as followed.
  const relationship = useResource(
    () =>
      getRelationship(account.id).then(
        (rel) => Boolean(rel?.following || rel?.requested),
        () => false,
      ),
    [account.id],
  );
  const following = relationship.value ?? null;
  const toggle = useToggle(following, async (next) => {
    const rel = await setFollowing(account.id, next);
    relationship.update(() => Boolean(rel.following || rel.requested));
    if (rel.following !== following) onFollowChange(rel.following ? 1 : -1);
  });
  return <ToggleButton toggle={toggle} label={{ on: 'Unfollow', off: 'Follow' }} className={followClass} />;
}
