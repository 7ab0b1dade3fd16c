import { useCallback } from 'react';
import { streamUrls } from '../../api/streaming';
import { publicTimeline } from '../../api/timelines';
import { useTitle } from '../../app/use-title';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';
import { LiveDirectory } from './live-directory';
import { OpenRoomForm } from './open-room-form';

/** The home page opens on what is live: chats live now, starting soon and this week; then a way into any hashtag room, then the server's public timeline. */
export function LandingPage() {
  useTitle('');
  const load = useCallback((maxId?: string) => publicTimeline(maxId), []);
  const timeline = useLiveTimeline({ load, streamUrl: streamUrls.public });
  return (
    <div className="column">
      <h1 id="page-title" tabIndex={-1} className="sr-only">
        Hashtag chats, live
      </h1>
      <LiveDirectory />
      <section className="intro" aria-labelledby="open-title">
        <h2 id="open-title">Open any hashtag</h2>
        <p>
          Every hashtag has a room: read along as it happens; sign in to join, and the hashtag is added to
          your posts.
        </p>
        <OpenRoomForm />
      </section>
      <section aria-labelledby="public-title">
        <h2 id="public-title">Latest on this server</h2>
        <LiveFeed
          timeline={timeline}
          label="Public statuses"
          pauseControl
          keyboard
          empty={<p>Nothing posted yet. Open a room above and say hello.</p>}
        />
      </section>
    </div>
  );
}
