import type { Status } from '@hashchat/api/entities/status';
import { useEffect, useRef } from 'react';
import { moderateRoom } from '../../api/moderation';
import { useAction } from '../../app/use-action';
import { useRoomModeration } from './room-moderation-context';

/**
 * Where a host just hid a status from the room: "Hidden · Undo" in its place, so the action
 * shows where it happened (the room itself drops the status for everyone else).
 */
export function HiddenInPlace({ status }: { status: Status }) {
  const room = useRoomModeration();
  const { run, busy, error } = useAction();
  const undoRef = useRef<HTMLButtonElement>(null);
  // The card that had focus (its Hide form) is gone: focus goes to Undo, not to the page's top.
  useEffect(() => undoRef.current?.focus(), []);
  const sessionId = status.chat?.session_id ?? room?.sessionId ?? null;

  function undo() {
    if (!room || !sessionId) return;
    void run(async () => {
      await moderateRoom(sessionId, { action: 'unhide', status_id: status.id });
      room.markHidden(status.id, null);
    });
  }

  return (
    <article className="status status-hidden-here" aria-label={`Hidden status by @${status.account.acct}`}>
      <p role="status">
        Hidden <span aria-hidden="true">·</span>{' '}
        <button type="button" ref={undoRef} className="link-button" disabled={busy} onClick={undo}>
          Undo
        </button>
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
