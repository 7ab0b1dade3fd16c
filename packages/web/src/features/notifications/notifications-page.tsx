import type { Notification } from '@hashchat/api/entities/notification';
import type { Status } from '@hashchat/api/entities/status';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { clearNotifications, listNotifications } from '../../api/notifications';
import { streamUrls } from '../../api/streaming';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { useStream } from '../../app/use-stream';
import { useTitle } from '../../app/use-title';
import { LoadError, Skeleton } from '../../app/waiting';
import { NotificationItem } from './notification-item';

function NotificationList() {
  const [items, setItems] = useState<Notification[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const action = useAction();
  const { busy } = action;

  // The stream opens first; what arrives before the first page answers stays on top.
  useStream(streamUrls.user, (event) => {
    if (event.event !== 'notification') return;
    const notification = event.payload;
    setItems((list) => [notification, ...(list ?? []).filter((n) => n.id !== notification.id)]);
  });
  const retry = useLoad(() => listNotifications(), [], {
    onStart: () => setLoadError(null),
    onValue(page) {
      setItems((live) => [...(live ?? []), ...page.items.filter((n) => !live?.some((l) => l.id === n.id))]);
      setNext(page.items.length > 0 ? page.nextMaxId : null);
    },
    onError: (err) => setLoadError(errorMessage(err)),
  });

  const loadMore = () =>
    next &&
    action.run(async () => {
      const page = await listNotifications(next);
      setItems((list) => [...(list ?? []), ...page.items]);
      setNext(page.items.length > 0 ? page.nextMaxId : null);
    });

  const clearAll = () =>
    action.run(async () => {
      await clearNotifications();
      setItems([]);
      setNext(null);
    });

  const onStatusChanged = useCallback((status: Status) => {
    setItems((list) => (list ?? []).map((n) => (n.status?.id === status.id ? { ...n, status } : n)));
  }, []);
  const onStatusRemoved = useCallback((id: string) => {
    setItems((list) => (list ?? []).filter((n) => n.status?.id !== id));
  }, []);

  return (
    <>
      <div className="feed-toolbar">
        <button
          type="button"
          className="button button-quiet"
          onClick={clearAll}
          disabled={busy || !items?.length}
        >
          Clear all
        </button>
      </div>
      {loadError && <LoadError error={loadError} onRetry={retry} />}
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
      {items === null && !loadError && <Skeleton />}
      {items?.length === 0 && (
        <p className="feed-empty">No notifications yet. Mentions, likes, reposts and follows show up here.</p>
      )}
      <ol className="status-list" aria-label="Notifications">
        {items?.map((n) => (
          <li key={n.id} className="status-item">
            <NotificationItem
              notification={n}
              onStatusChanged={onStatusChanged}
              onStatusRemoved={onStatusRemoved}
            />
          </li>
        ))}
      </ol>
      {next && (
        <div className="feed-more">
          <button type="button" className="button" onClick={loadMore} disabled={busy}>
            Load older notifications
          </button>
        </div>
      )}
    </>
  );
}

export function NotificationsPage() {
  useTitle('Notifications');
  const { state } = useSession();
  return (
    <section className="column" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Notifications
      </h1>
      {state.status === 'signed-in' && <NotificationList />}
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn('/notifications')}>Sign in</a> to see your notifications.
        </p>
      )}
    </section>
  );
}
