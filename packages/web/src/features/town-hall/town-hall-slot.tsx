import type { TownHall } from '@hashchat/api/entities/moderation';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getTownHall } from '../../api/town-hall';

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
  const [townHall, setTownHall] = useState<TownHall | null>(null);
  useEffect(() => {
    let active = true;
    getTownHall(sessionId).then(
      (value) => active && setTownHall(value),
      () => {},
    );
    return () => {
      active = false;
    };
  }, [sessionId]);
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
