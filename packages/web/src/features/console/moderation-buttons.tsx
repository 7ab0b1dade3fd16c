import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { moderate } from '../../api/live';
import type { ModerationAction } from '../../api/live-types';
import type { Status } from '../../api/types';

const ACTIONS: { action: ModerationAction; label: string; done: string; confirm: string }[] = [
  { action: 'hide', label: 'Hide', done: 'Hidden', confirm: 'Hide this status from the room?' },
  { action: 'mute', label: 'Mute', done: 'Muted', confirm: 'Mute this person in the room?' },
  { action: 'ban', label: 'Ban', done: 'Banned', confirm: 'Ban this person from the chat?' },
];

/** Hide the status, mute or ban its author, each confirmed once. */
export function ModerationButtons({ sessionId, status }: { sessionId: string; status: Status }) {
  const [pending, setPending] = useState<ModerationAction | null>(null);
  const [done, setDone] = useState<ModerationAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = ACTIONS.find((a) => a.action === pending);

  async function run(action: ModerationAction) {
    setError(null);
    try {
      await moderate(
        sessionId,
        action,
        action === 'hide' ? { status_id: status.id } : { account_id: status.account.id },
      );
      setDone(action);
      setPending(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (done) return <span className="muted">{ACTIONS.find((a) => a.action === done)?.done}</span>;
  return (
    <span className="moderation">
      {current ? (
        <span className="confirm">
          <span>{current.confirm}</span>
          <button type="button" className="button button-danger" onClick={() => run(current.action)}>
            {current.label}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPending(null)}>
            Keep
          </button>
        </span>
      ) : (
        ACTIONS.map((a) => (
          <button
            key={a.action}
            type="button"
            className="button button-quiet"
            onClick={() => setPending(a.action)}
          >
            {a.label}
          </button>
        ))
      )}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
