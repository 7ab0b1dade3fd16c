import type { ChatSession } from '@hashchat/api/entities/chat';
import { useState } from 'react';
import { actOnSession, type SessionAction } from '../../api/chats';
import { useAction } from '../../app/use-action';

/** Start now / End / Cancel for one session, shown to its chat's hosts. */
export function HostControls({
  session,
  startable = true,
  onChanged,
}: {
  session: ChatSession;
  /** Only the next session offers Start now (one primary button on the page, not one per session). */
  startable?: boolean;
  onChanged(session: ChatSession): void;
}) {
  const task = useAction();
  const [confirming, setConfirming] = useState(false);
  const { busy, error } = task;
  const label = session.title;

  async function act(action: SessionAction) {
    await task.run(async () => {
      onChanged(await actOnSession(session.id, action));
      setConfirming(false);
    });
  }

  if (session.state !== 'scheduled' && session.state !== 'live') return null;
  return (
    <fieldset className="host-controls">
      <legend className="sr-only">Host controls for {label}</legend>
      {session.state === 'scheduled' && !confirming && (
        <>
          {startable && (
            <button type="button" className="button" disabled={busy} onClick={() => act('start')}>
              Start now
            </button>
          )}
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Cancel session
          </button>
        </>
      )}
      {session.state === 'scheduled' && confirming && (
        <span className="confirm">
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => act('cancel')}
          >
            Yes, cancel it
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      )}
      {session.state === 'live' && (
        <button type="button" className="button" disabled={busy} onClick={() => act('end')}>
          End session
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
