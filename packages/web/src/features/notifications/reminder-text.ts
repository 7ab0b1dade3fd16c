import type { Notification } from '@hashchat/api/entities/notification';

/**
 * The words of a chat reminder after its hashtag: "starts in 15 minutes: Tea time" before the
 * session, "is live now: Tea time" once it is (or when the reminder says so).
 */
export function reminderText(notification: Notification, now: Date): string {
  const session = notification.chat_session;
  if (!session) return '';
  const title = session.title || session.chat_title || '';
  const startsIn = Date.parse(session.starts_at) - now.getTime();
  if (notification.reminder === 'live' || session.state === 'live' || startsIn <= 0) {
    return session.state === 'ended' ? `has ended: ${title}` : `is live now: ${title}`;
  }
  if (session.state === 'cancelled') return `was cancelled: ${title}`;
  const minutes = Math.max(1, Math.round(startsIn / 60_000));
  const when =
    minutes < 60
      ? `${minutes} minute${minutes === 1 ? '' : 's'}`
      : minutes < 48 * 60
        ? `${Math.round(minutes / 60)} hour${Math.round(minutes / 60) === 1 ? '' : 's'}`
        : `${Math.round(minutes / 1440)} days`;
  return `starts in ${when}: ${title}`;
}
