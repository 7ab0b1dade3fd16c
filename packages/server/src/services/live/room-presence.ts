import { curatedTopic, sessionTopic } from '@hashchat/api/topics';
import type { Reader } from '../../stream/reader';

/**
 * Who has a session's room open in this process: the readers of its stream. A reader counts
 * while it is open and still holds the session's topic or its curated one (a WebSocket may
 * unsubscribe), so nothing has to be told when one goes away. With several instances each counts
 * its own and shares the count on the presence board (bus/presence-board.ts; see CountersTicker).
 */
export class RoomPresence {
  private readonly bySession = new Map<number, Set<Reader>>();

  join(sessionId: number, reader: Reader): void {
    let set = this.bySession.get(sessionId);
    if (!set) {
      set = new Set();
      this.bySession.set(sessionId, set);
    }
    set.add(reader);
  }

  count(sessionId: number): number {
    const set = this.bySession.get(sessionId);
    if (!set) return 0;
    const topic = sessionTopic(sessionId);
    // Readers of the highlights are in the room too.
    const curated = curatedTopic(sessionId);
    for (const r of set) if (r.closed || !(r.topics.has(topic) || r.topics.has(curated))) set.delete(r);
    if (set.size === 0) this.bySession.delete(sessionId);
    return set.size;
  }

  /** Sessions with at least one open reader here. */
  sessions(): number[] {
    return [...this.bySession.keys()].filter((id) => this.count(id) > 0);
  }
}
