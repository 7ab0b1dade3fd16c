import type { Status } from '@hashchat/api/entities/status';
import { useCallback } from 'react';
import { streamUrls } from '../../api/streaming';
import { homeTimeline } from '../../api/timelines';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { Composer } from '../composer/composer';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';

function HomeTimeline() {
  const load = useCallback((maxId?: string) => homeTimeline(maxId), []);
  const timeline = useLiveTimeline({ load, streamUrl: streamUrls.user });
  const { dispatch } = timeline;
  const onPosted = useCallback((status: Status) => dispatch({ type: 'own', status }), [dispatch]);
  return (
    <>
      <Composer label="What's on your mind?" onPosted={onPosted} />
      <LiveFeed
        timeline={timeline}
        pauseControl
        keyboard
        empty={
          <p>
            Your home timeline is empty. Follow people and hashtags to fill it, or <a href="/">open a room</a>
            .
          </p>
        }
      />
    </>
  );
}

/** The signed-in person's home timeline, live from the user stream. */
export function HomePage() {
  useTitle('Home');
  const { state } = useSession();
  return (
    <section className="column" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Home
      </h1>
      {state.status === 'signed-in' && <HomeTimeline />}
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn('/home')}>Sign in</a> to see posts from people and hashtags you follow.
        </p>
      )}
    </section>
  );
}
