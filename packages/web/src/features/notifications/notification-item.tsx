import type { Notification } from '@hashchat/api/entities/notification';
import type { Status } from '@hashchat/api/entities/status';
import { paths } from '../../app/routes';
import { Avatar, displayName } from '../status/avatar';
import { LocalTime } from '../status/local-time';
import { StatusCard } from '../status/status-card';
import { ChatReminderItem } from './chat-reminder-item';

const VERB: Record<string, string> = {
  favourite: 'liked your status',
  reblog: 'reposted your status',
  follow: 'followed you',
  mention: 'mentioned you',
  status: 'posted',
  submission_answered: 'answered your town-hall question',
};

export interface NotificationItemProps {
  notification: Notification;
  onStatusChanged(status: Status): void;
  onStatusRemoved(id: string): void;
}

export function NotificationItem({ notification, onStatusChanged, onStatusRemoved }: NotificationItemProps) {
  const { account, status, type } = notification;
  if (type === 'chat_reminder') return <ChatReminderItem notification={notification} />;
  if (type === 'mention' && status) {
    return <StatusCard status={status} onChanged={onStatusChanged} onRemoved={onStatusRemoved} />;
  }
  return (
    <article
      className={`notification notification-${type}`}
      aria-labelledby={`notification-${notification.id}`}
    >
      <p className="notification-line" id={`notification-${notification.id}`}>
        <Avatar account={account} />
        <span>
          <a href={paths.profile(account.acct)}>{displayName(account)}</a> {VERB[type] ?? type}
        </span>
        <LocalTime iso={notification.created_at} className="status-time" />
      </p>
      {status && (
        <div
          className="notification-excerpt"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from the server
          dangerouslySetInnerHTML={{ __html: status.content }}
        />
      )}
    </article>
  );
}
