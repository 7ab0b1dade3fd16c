import type { TownHall } from '@hashchat/api/entities/moderation';
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
  townHall,
  open,
  viewerId,
  host,
  hashtag,
}: {
  sessionId: string;
  /** The session's town-hall settings, once read (useTownHallSettings). */
  townHall: TownHall | null;
  open: boolean;
  viewerId: string | null;
  host: boolean;
  hashtag: string;
}) {
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

/**
 * A session's town-hall settings (null until read, or when they cannot be read), and whether
 * reading them is over: a room or console shows "Waiting for the first question" only once it
 * knows the session is no town hall, so a town hall never flashes it.
 */
export function useTownHallSettings(sessionId: string): { townHall: TownHall | null; known: boolean } {
  const resource = useResource(() => getTownHall(sessionId), [sessionId]);
  return { townHall: resource.value ?? null, known: !resource.loading };
}
