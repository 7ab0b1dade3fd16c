import type { Status } from '@hashchat/api/entities/status';
import { useCallback } from 'react';
import { streamUrls } from '../../api/streaming';
import { homeTimeline } from '../../api/timelines';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { Composer } from '../composer/composer';
import { LiveDirectory } from '../landing/live-directory';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';

function HomeTimeline() {
  const load = useCallback((maxId?: string) => homeTimeline(maxId), []);
  const timeline = useLiveTimeline({ load, streamUrl: streamUrls.user });
  const { dispatch } = timeline;
  const onPosted = useCallback((status: Status) => dispatch({ type: 'own', status }), [dispatch]);
  const { phase, items, pending } = timeline.state;
  // Someone who follows nothing yet starts from what is live, not from an empty timeline.
  if (phase === 'ready' && items.length === 0 && pending.length === 0) return <Welcome />;
  return (
    <>
      <Composer label="What's on your mind?" onPosted={onPosted} />
      <LiveFeed timeline={timeline} pauseControl keyboard empty={null} />
    </>
  );
}

/** Home for an account that follows nothing yet: a short welcome and the chats to join. */
function Welcome() {
  return (
    <div className="home-welcome">
      <div className="welcome-note">
        <h2>Welcome to Hashchat</h2>
        <p>
          Join a chat that is live or coming up: follow it to get reminded, and posts from the chats, people
          and hashtags you follow will fill your home. Or <a href={paths.chats()}>browse all chats</a> and{' '}
          <a href="/search">search</a> for a hashtag.
        </p>
      </div>
      <LiveDirectory />
    </div>
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
