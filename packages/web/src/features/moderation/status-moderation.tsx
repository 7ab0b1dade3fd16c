import '../../styles/moderation.css';
import type { LoggedAction } from '@hashchat/api/entities/moderation';
import type { Status } from '@hashchat/api/entities/status';
import { useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { moderateRoom } from '../../api/moderation';
import type { RoomActionInput } from '../../api/request-types';
import { useSession } from '../../app/session-context';
import { useRoomRole } from '../chats/room-roles';
import { ActionForm, type FormAction } from './action-form';
import { HeldNote } from './held-note';
import { durationText } from './log-text';
import { ReportForm } from './report-form';
import { useRoomModeration } from './room-moderation-context';

type Panel = 'menu' | 'report' | FormAction | null;

const DONE: Record<string, string> = {
  hide: 'Hidden from the room.',
  unhide: 'Back in the room.',
  unmute: 'Unmuted in this chat.',
  unban: 'Unbanned from this chat.',
  approve: 'Let into the room.',
};

function doneText(entry: LoggedAction, acct: string): string {
  const until = entry.duration_minutes ? ` for ${durationText(entry.duration_minutes)}` : '';
  if (entry.action === 'mute') return `@${acct} is muted in this chat${until}.`;
  if (entry.action === 'ban') return `@${acct} is banned from this chat${until}.`;
  return DONE[entry.action] ?? 'Done.';
}

const UNDO: Partial<Record<string, RoomActionInput['action']>> = {
  hide: 'unhide',
  mute: 'unmute',
  ban: 'unban',
};

/**
 * The "More" menu of a status in a chat's room: Report for everyone signed in; Hide, Mute
 * author, Ban author (and their undo) for the chat's hosts. Also says why a held status is
 * seen only by its author and the hosts.
 */
export function StatusModeration({ status: entry }: { status: Status }) {
  const room = useRoomModeration();
  const { account: self } = useSession();
  const status = entry.reblog ?? entry;
  const author = status.account;
  const authorRole = useRoomRole(author.id);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<{ text: string; undo: RoomActionInput | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const chat = entry.chat ?? status.chat;
  const own = self?.id === author.id;
  const note = <HeldNote chat={chat} own={own} />;
  if (!room || !self) return note;

  const sessionId = chat?.session_id ?? room.sessionId;
  const moderate = room.host && sessionId !== null;
  // Hosts and co-hosts of the chat cannot be muted or banned.
  const silenceable = moderate && !own && authorRole !== 'Host' && authorRole !== 'Co-host';
  const state = chat?.room_state ?? 'visible';
  if (own && !moderate) return note;

  function close() {
    setPanel(null);
    toggleRef.current?.focus();
  }

  function finish(entry: LoggedAction) {
    const undo = UNDO[entry.action];
    setDone({
      text: doneText(entry, author.acct),
      undo: undo
        ? entry.action === 'hide'
          ? { action: undo, status_id: status.id }
          : { action: undo, account_id: author.id }
        : null,
    });
    close();
  }

  // Hiding in the room: the status stays where it was as "Hidden · Undo" (HiddenInPlace), marked
  // before the request so the room's `delete`, which may come first, leaves it there.
  async function hide(input: RoomActionInput): Promise<LoggedAction> {
    if (!sessionId) throw new Error('No session to moderate');
    const mark = room?.hiddenHere ? room.markHidden : null;
    mark?.(status.id, 'hiding');
    try {
      const entry = await moderateRoom(sessionId, input);
      mark?.(status.id, 'hidden');
      return entry;
    } catch (err) {
      mark?.(status.id, null);
      throw err;
    }
  }

  async function direct(input: RoomActionInput) {
    if (!sessionId) return;
    setError(null);
    try {
      finish(await moderateRoom(sessionId, input));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="status-more">
      {note}
      <button
        type="button"
        ref={toggleRef}
        className="action status-more-toggle"
        aria-expanded={panel !== null}
        aria-label={`More actions for the status by @${author.acct}`}
        onClick={() => (panel ? close() : setPanel('menu'))}
      >
        <span aria-hidden="true">⋯</span>
        <span className="action-label">More</span>
      </button>
      {panel === 'menu' && (
        <fieldset className="status-more-menu">
          <legend className="sr-only">More actions</legend>
          {!own && (
            <button type="button" className="button button-quiet" onClick={() => setPanel('report')}>
              Report…
            </button>
          )}
          {moderate && state !== 'hidden' && (
            <button type="button" className="button button-quiet" onClick={() => setPanel('hide')}>
              Hide…
            </button>
          )}
          {moderate && state === 'hidden' && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => direct({ action: 'unhide', status_id: status.id })}
            >
              Unhide
            </button>
          )}
          {moderate && (state === 'pending' || state === 'muted') && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => direct({ action: 'approve', status_id: status.id })}
            >
              Approve
            </button>
          )}
          {silenceable && state === 'muted' ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => direct({ action: 'unmute', account_id: author.id })}
            >
              Unmute author
            </button>
          ) : (
            silenceable && (
              <button type="button" className="button button-quiet" onClick={() => setPanel('mute')}>
                Mute author…
              </button>
            )
          )}
          {silenceable && (
            <button type="button" className="button button-quiet" onClick={() => setPanel('ban')}>
              Ban author…
            </button>
          )}
        </fieldset>
      )}
      {panel === 'report' && (
        <ReportForm
          chatId={room.chatId}
          status={status}
          onCancel={close}
          onDone={(text) => {
            setDone({ text, undo: null });
            close();
          }}
        />
      )}
      {(panel === 'hide' || panel === 'mute' || panel === 'ban') && sessionId && (
        <ActionForm
          sessionId={sessionId}
          action={panel}
          target={panel === 'hide' ? { status_id: status.id } : { account_id: author.id }}
          onCancel={close}
          onDone={finish}
          send={panel === 'hide' ? hide : undefined}
        />
      )}
      {done && (
        <p className="status-more-done" role="status">
          {done.text}{' '}
          {done.undo && (
            <button type="button" className="link-button" onClick={() => done.undo && direct(done.undo)}>
              Undo
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
