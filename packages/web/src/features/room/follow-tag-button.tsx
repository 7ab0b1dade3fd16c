import type { Tag } from '@hashchat/api/entities/tag';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { setTagFollowing } from '../../api/tags';

export function FollowTagButton({ tag, onChange }: { tag: Tag; onChange(tag: Tag): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const following = Boolean(tag.following);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const updated = await setTagFollowing(tag.name, !following);
      onChange({ ...tag, ...updated, following: updated.following ?? !following });
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
        onClick={toggle}
        disabled={busy}
      >
        {following ? 'Unfollow hashtag' : 'Follow hashtag'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
