import { createContext, useContext } from 'react';
import { streamUrls } from '../../api/streaming';

/** Whether the room around shows its session's highlights (the curated stream) rather than everything. */
export const CuratedRoomContext = createContext(false);

/**
 * The session stream a part of the room listens to: the curated one while the room shows
 * highlights, so the column, the live state and the town hall share one connection and a
 * very large room never opens the full stream behind the reader's back.
 */
export function useSessionStreamUrl(sessionId: string): string {
  return streamUrls.session(sessionId, useContext(CuratedRoomContext));
}

/**
 * Whether a room with this many people shows highlights: above the session's threshold (none:
 * never). Once a visit has crossed it the room stays on highlights (so it does not switch back
 * and forth around the threshold), unless the reader asked for everything.
 */
export function showsHighlights(
  threshold: number | null,
  people: number | null,
  alreadyCrossed: boolean,
): boolean {
  if (alreadyCrossed) return true;
  return threshold !== null && people !== null && people > threshold;
}
