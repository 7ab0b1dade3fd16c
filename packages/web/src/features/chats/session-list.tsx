import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { calendarPaths } from '../../api/chats';
import { paths } from '../../app/routes';
import { displayName } from '../status/avatar';
import { HostControls } from './host-controls';
import { SessionTime } from './session-time';

const STATE_TEXT: Record<string, string> = {
  live: 'Live now',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

export interface SessionListProps {
  chat: Chat;
  sessions: ChatSession[];
  label: string;
  now: Date;
  /** Show Start / End / Cancel (the viewer hosts the chat). */
  hostControls: boolean;
  /** A session to point out (the one the address names). */
  highlightId?: string | null;
  onChanged(session: ChatSession): void;
}

/** Sessions of a chat, each with its time in the viewer's and the host's zone. */
export function SessionList({
  chat,
  sessions,
  label,
  now,
  hostControls,
  highlightId,
  onChanged,
}: SessionListProps) {
  // The next session (live, or the first still to come) is the one a host starts or prepares.
  const nextId = sessions.find((s) => s.state === 'live' || s.state === 'scheduled')?.id ?? null;
  return (
    <ol className="session-list" aria-label={label}>
      {sessions.map((session) => (
        <li
          key={session.id}
          className={session.id === highlightId ? 'session-item session-highlight' : 'session-item'}
          aria-current={session.id === highlightId ? 'true' : undefined}
        >
          <p className="session-line">
            {STATE_TEXT[session.state] && (
              <span className={`state-pill state-${session.state}`}>{STATE_TEXT[session.state]}</span>
            )}
            <SessionTime session={session} now={now} hostZone />
          </p>
          {session.title && session.title !== chat.title && <p className="session-title">{session.title}</p>}
          {session.guests.length > 0 && (
            <p className="session-guests">
              With {session.guests.map((g) => `${displayName(g)} (${g.badge || 'Guest'})`).join(', ')}
            </p>
          )}
          <p className="session-links">
            {session.state === 'live' && <a href={paths.room(chat.hashtag)}>Join the room</a>}
            {session.state === 'scheduled' && (
              <a
                href={session.calendar_url ?? calendarPaths.session(session.id)}
                download={`session-${session.id}.ics`}
              >
                Add to calendar
              </a>
            )}
            {session.state === 'ended' && (
              <>
                <a href={paths.recap(session.id)}>Recap</a>
                {' · '}
                <a href={paths.transcript(session.id)}>Transcript</a>
              </>
            )}
          </p>
          {hostControls && (session.state === 'scheduled' || session.state === 'live') && (
            <p className="session-links">
              <a
                className={session.id === nextId ? 'button button-primary' : undefined}
                href={paths.console(session.id)}
              >
                {session.id === nextId ? 'Open host console' : 'Host console'}
              </a>
            </p>
          )}
          {hostControls && (
            <HostControls session={session} startable={session.id === nextId} onChanged={onChanged} />
          )}
        </li>
      ))}
    </ol>
  );
}
