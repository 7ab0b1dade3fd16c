import type { Chat } from '@hashchat/api/entities/chat';
import { calendarPaths } from '../../api/chats';
import { paths } from '../../app/routes';
import { SessionTime } from './session-time';

/** The chat's next (or live) session, with the way into the room and into the calendar. */
export function NextSession({ chat, now }: { chat: Chat; now: Date }) {
  const session = chat.next_session;
  if (!session) return null;
  const live = session.state === 'live';
  return (
    <section className="next-session" aria-labelledby="next-title">
      <h2 id="next-title">{live ? 'Live now' : 'Next session'}</h2>
      {session.title !== chat.title && <p className="session-title">{session.title}</p>}
      <p className="next-session-when">
        <SessionTime session={session} now={now} hostZone />
      </p>
      <p className="chat-actions">
        <a href={paths.room(chat.hashtag)} className={live ? 'button button-primary' : 'button'}>
          {live ? 'Join the room' : 'Open the room'}
        </a>
        {!live && (
          <a
            href={session.calendar_url ?? calendarPaths.session(session.id)}
            className="button"
            download={`session-${session.id}.ics`}
          >
            Add to calendar
          </a>
        )}
      </p>
    </section>
  );
}
