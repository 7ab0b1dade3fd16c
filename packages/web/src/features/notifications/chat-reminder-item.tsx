import type { Notification } from '@hashchat/api/entities/notification';
import { paths } from '../../app/routes';
import { relativeWhen } from '../chats/format-session-time';
import { LocalTime } from '../status/local-time';
import { reminderText } from './reminder-text';

/** A reminder of a followed chat's session: what starts when (or that it is live), with the way in. */
export function ChatReminderItem({ notification }: { notification: Notification }) {
  const session = notification.chat_session;
  if (!session) return null;
  const hashtag = session.hashtag ?? '';
  const text = reminderText(notification, new Date());
  return (
    <article
      className="notification notification-chat_reminder"
      aria-labelledby={`notification-${notification.id}`}
    >
      <p className="notification-line" id={`notification-${notification.id}`}>
        <span className="reminder-icon" aria-hidden="true">
          ⏰
        </span>
        <span>
          <a href={paths.room(hashtag)} className="chat-hashtag">
            #{hashtag}
          </a>{' '}
          {text}
        </span>
        <LocalTime iso={notification.created_at} className="status-time" />
      </p>
      <p className="notification-excerpt">
        {session.state === 'live' ? (
          <a href={paths.room(hashtag)}>Join the room</a>
        ) : (
          <>
            {relativeWhen(new Date(session.starts_at), new Date())} ·{' '}
            <a href={paths.room(hashtag)}>Open the room</a>
          </>
        )}{' '}
        · <a href={paths.chat(session.chat_id)}>About the chat</a>
      </p>
    </article>
  );
}
