import { useCallback } from 'react';
import { getList } from '../../api/lists';
import { streamUrls } from '../../api/streaming';
import { listTimeline } from '../../api/timelines';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { UnreadyPage } from '../../app/unready-page';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';

function ListTimeline({ id }: { id: string }) {
  const load = useCallback((maxId?: string) => listTimeline(id, maxId), [id]);
  const timeline = useLiveTimeline({ load, streamUrl: streamUrls.list(id) });
  return (
    <LiveFeed
      timeline={timeline}
      pauseControl
      keyboard
      empty={
        <p>
          Nothing from this list yet. <a href={paths.settingsLists}>Add people to it</a>.
        </p>
      }
    />
  );
}

/** One of the viewer's lists as a timeline: its members' statuses, live from the `list` stream. */
export function ListTimelinePage({ id }: { id: string }) {
  const { state, account } = useSession();
  // Someone else's list, or none, is a 404 like the API's.
  const list = useResource(() => getList(id), [id, account?.id], { reset: true });
  useTitle(list.value ? `${list.value.title} · Lists` : 'List');

  if (state.status === 'anonymous')
    return (
      <section className="column" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          List
        </h1>
        <p className="prompt">
          <a href={paths.signIn(paths.list(id))}>Sign in</a> to read your lists.
        </p>
      </section>
    );
  if (!list.value)
    return (
      <UnreadyPage
        state={list.state.status === 'ready' ? { status: 'loading' } : list.state}
        title="List"
        missingTitle="List not found"
        missing={
          <>
            You have no such list. <a href={paths.lists}>See your lists</a>.
          </>
        }
      />
    );
  return (
    <section className="column" aria-labelledby="page-title">
      <p className="eyebrow">
        <a href={paths.lists}>Lists</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {list.value.title}
      </h1>
      <ListTimeline key={id} id={id} />
    </section>
  );
}
