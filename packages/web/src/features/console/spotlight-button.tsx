import type { Status } from '@hashchat/api/entities/status';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { spotlight, unspotlight } from '../../api/live';

/** Pins a status to the top of the room, or unpins it (the s key presses it on the focused status). */
export function SpotlightButton({
  sessionId,
  status,
  spotlighted,
  onChange,
}: {
  sessionId: string;
  status: Status;
  spotlighted: boolean;
  onChange(status: Status, spotlighted: boolean): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      if (spotlighted) await unspotlight(sessionId, status.id);
      else await spotlight(sessionId, status.id);
      onChange(status, !spotlighted);
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
        className="button button-quiet"
        data-action="spotlight"
        aria-pressed={spotlighted}
        aria-keyshortcuts="s"
        disabled={busy}
        onClick={toggle}
      >
        {spotlighted ? 'Unpin' : 'Spotlight'}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
