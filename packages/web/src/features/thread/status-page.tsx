import type { Status } from '@hashchat/api/entities/status';
import { useRef } from 'react';
import { paths } from '../../app/routes';
import { useSession, viewerKey } from '../../app/session-context';
import { UnreadyPage } from '../../app/unready-page';
import { useTitle } from '../../app/use-title';
import { plainText } from '../live/plain-text';
import { displayName } from '../status/avatar';
import { LocalTime } from '../status/local-time';
import { StatusCard } from '../status/status-card';
import { StatusList } from '../status/status-list';
import { useFeedKeys } from '../status/use-feed-keys';
import { SessionRoomLink } from './session-room-link';
import { useThread } from './use-thread';

const EXCERPT = 60;

function pageTitle(status: Status | null, acct: string): string {
  if (!status) return `Status by @${acct}`;
  const text = plainText(status.content);
  return `${displayName(status.account)}: “${text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text}”`;
}

/**
 * One status (`/@username/id`, where status URLs point) in its thread: what it replies to
 * above, its replies below, each with Reply, Like and Repost; and the session room it was
 * posted in, when it was.
 */
export function StatusPage({ acct, id }: { acct: string; id: string }) {
  const { state: auth, account } = useSession();
  const [load, dispatch] = useThread(id, viewerKey(auth));
  const threadRef = useRef<HTMLDivElement>(null);
  useFeedKeys(threadRef, load.status === 'ready');
  useTitle(pageTitle(load.status === 'ready' ? load.thread.status : null, acct));

  if (load.status !== 'ready') {
    return (
      <UnreadyPage
        state={load}
        title="Status"
        missing={
          <>
            This status is not here: it was deleted, or you may not see it.{' '}
            <a href={paths.profile(acct)}>See @{acct}’s profile</a>.
          </>
        }
      />
    );
  }

  const { thread, session } = load;
  const { status } = thread;
  const roomTag = session?.hashtag;
  const handlers = {
    roomTag,
    onChanged: (changed: Status) => dispatch({ type: 'changed', status: changed }),
    onRemoved: (removed: string) => dispatch({ type: 'removed', id: removed }),
    onReplied: (reply: Status) => dispatch({ type: 'replied', status: reply }),
  };
  return (
    <section className="column thread-page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Status by {displayName(status.account)}
      </h1>
      {session && <SessionRoomLink session={session} />}
      <div ref={threadRef}>
        {thread.ancestors.length > 0 && (
          <StatusList statuses={thread.ancestors} label="Earlier in the thread" {...handlers} />
        )}
        {thread.deleted ? (
          <p className="feed-empty">This status was deleted.</p>
        ) : (
          <div className="thread-focus">
            <StatusCard status={status} {...handlers} />
            <p className="thread-when">
              Posted <LocalTime iso={status.created_at} full />
            </p>
          </div>
        )}
        <h2 className="thread-replies-title">
          {thread.descendants.length === 1 ? '1 reply' : `${thread.descendants.length} replies`}
        </h2>
        {thread.descendants.length > 0 ? (
          <StatusList statuses={thread.descendants} label="Replies" {...handlers} />
        ) : (
          <p className="feed-empty">
            No replies yet.{' '}
            {account ? (
              'Press Reply to start the conversation.'
            ) : (
              <a href={paths.signIn(paths.status(status.account.acct, status.id))}>Sign in to reply.</a>
            )}
          </p>
        )}
      </div>
    </section>
  );
}
