import type { Status } from '@hashchat/api/entities/status';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { actOnStatus, deleteStatus } from '../../api/statuses';
import { navigate, useLocation } from '../../app/history';
import { paths } from '../../app/routes';
import { HeartIcon, ReplyIcon, RepostIcon, TrashIcon } from './icons';

export interface StatusActionsProps {
  /** The status acted on (the original when the card shows a reblog). */
  status: Status;
  signedIn: boolean;
  own: boolean;
  replying: boolean;
  onReply(): void;
  onChanged(status: Status): void;
  onRemoved(id: string): void;
  /** More controls at the end of the row (the room's More menu, the console's Spotlight). */
  extra?: ReactNode;
}

function Count({ value }: { value: number }) {
  return value > 0 ? <span className="action-count">{value}</span> : null;
}

/** Reply, Like, Repost and Delete buttons; Like and Repost update optimistically. */
export function StatusActions({
  status,
  signedIn,
  own,
  replying,
  onReply,
  onChanged,
  onRemoved,
  extra,
}: StatusActionsProps) {
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function requireSignIn(): boolean {
    if (signedIn) return true;
    navigate(paths.signIn(location.pathname + location.search));
    return false;
  }

  async function toggle(kind: 'favourite' | 'reblog') {
    if (!requireSignIn()) return;
    const on = kind === 'favourite' ? !status.favourited : !status.reblogged;
    const optimistic: Status =
      kind === 'favourite'
        ? {
            ...status,
            favourited: on,
            favourites_count: Math.max(0, status.favourites_count + (on ? 1 : -1)),
          }
        : { ...status, reblogged: on, reblogs_count: Math.max(0, status.reblogs_count + (on ? 1 : -1)) };
    onChanged(optimistic);
    setError(null);
    try {
      onChanged(await actOnStatus(status.id, on ? kind : kind === 'favourite' ? 'unfavourite' : 'unreblog'));
    } catch (err) {
      onChanged(status);
      setError(errorMessage(err));
    }
  }

  async function remove() {
    setError(null);
    try {
      await deleteStatus(status.id);
      onRemoved(status.id);
    } catch (err) {
      setError(errorMessage(err));
      setConfirming(false);
    }
  }

  return (
    <div className="status-actions-wrap">
      <div className="status-actions">
        <button
          type="button"
          className="action"
          data-action="reply"
          aria-expanded={signedIn ? replying : undefined}
          onClick={() => requireSignIn() && onReply()}
        >
          <ReplyIcon />
          <span className="action-label">Reply</span> <Count value={status.replies_count} />
        </button>
        <button
          type="button"
          className="action action-like"
          data-action="like"
          aria-pressed={Boolean(status.favourited)}
          onClick={() => toggle('favourite')}
        >
          <HeartIcon filled={status.favourited} />
          <span className="action-label">Like</span> <Count value={status.favourites_count} />
        </button>
        <button
          type="button"
          className="action action-repost"
          data-action="repost"
          aria-pressed={Boolean(status.reblogged)}
          disabled={status.visibility === 'private' || status.visibility === 'direct'}
          onClick={() => toggle('reblog')}
        >
          <RepostIcon />
          <span className="action-label">Repost</span> <Count value={status.reblogs_count} />
        </button>
        {own && !confirming && (
          <button type="button" className="action action-delete" onClick={() => setConfirming(true)}>
            <TrashIcon />
            <span className="action-label">Delete</span>
          </button>
        )}
        {own && confirming && (
          <span className="confirm">
            <button type="button" className="button button-danger" onClick={remove}>
              Delete status
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        )}
        {extra}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
