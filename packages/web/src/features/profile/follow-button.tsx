import type { Account } from '@hashchat/api/entities/account';
import { useEffect, useState } from 'react';
import { getRelationship, setFollowing } from '../../api/accounts';
import { errorMessage } from '../../api/api-error';

export function FollowButton({
  account,
  onFollowChange,
}: {
  account: Account;
  onFollowChange(delta: number): void;
}) {
  const [following, setFollowingState] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    getRelationship(account.id).then(
      (rel) => active && setFollowingState(rel?.following ?? false),
      () => active && setFollowingState(false),
    );
    return () => {
      active = false;
    };
  }, [account.id]);

  async function toggle() {
    if (following === null) return;
    setBusy(true);
    setError(null);
    try {
      const rel = await setFollowing(account.id, !following);
      setFollowingState(rel.following);
      if (rel.following !== following) onFollowChange(rel.following ? 1 : -1);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={following ? 'button' : 'button button-primary'}
        disabled={busy || following === null}
        onClick={toggle}
      >
        {following ? 'Unfollow' : 'Follow'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
