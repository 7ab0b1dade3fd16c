import { useCallback } from 'react';
import { streamUrls } from '../../api/streaming';
import { publicTimeline } from '../../api/timelines';
import { useTitle } from '../../app/use-title';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';
import { OpenRoomForm } from './open-room-form';

/** What Hashchat is, a way into any hashtag room, and the public timeline, live. */
export function LandingPage() {
  useTitle('');
  const load = useCallback((maxId?: string) => publicTimeline(maxId), []);
  const timeline = useLiveTimeline({ load, streamUrl: streamUrls.public });
  return (
    <div className="column">
      <section className="intro" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          Hashtag chats, live
        </h1>
        <p>
          A hashtag chat is a conversation everyone follows through one hashtag. Open its room to read along
          as it happens; sign in to join, and the hashtag is added to your posts for you.
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
