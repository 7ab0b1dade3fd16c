import { lazy, Suspense } from 'react';
import { getTownHall } from '../../api/town-hall';
import { useResource } from '../../app/use-resource';

// Only town-hall sessions need the question list: it loads on demand.
const TownHallRoom = lazy(() => import('./town-hall-room').then((m) => ({ default: m.TownHallRoom })));

/**
 * The room's town-hall corner: nothing for an ordinary session; for a town hall, the
 * "Answering now" question and the question list to ask and vote in.
 */
export function TownHallSlot({
  sessionId,
  open,
  viewerId,
  host,
  hashtag,
}: {
  sessionId: string;
  open: boolean;
  viewerId: string | null;
  host: boolean;
  hashtag: string;
}) {
  const townHall = useResource(() => getTownHall(sessionId), [sessionId]).value;
  if (!townHall?.town_hall) return null;
  return (
    <Suspense fallback={<p className="feed-note">Loading the questions…</p>}>
      <TownHallRoom
        sessionId={sessionId}
        townHall={townHall}
        open={open}
        viewerId={viewerId}
        host={host}
        hashtag={hashtag}
      />
    </Suspense>
  );
}
