/**
 * How many readers each instance has on a room, shared between the instances of one set so
 * that "People in the room" counts them all, wherever a reader's stream landed. Each instance
 * reports its own count (on a reader's arrival and every counters tick); a report lapses after
 * `ttlMs` unless renewed, so a stopped instance stops counting by itself.
 */
export interface PresenceBoard {
  /** This instance's readers on `room` now (0 withdraws its report). */
  report(room: string, count: number): Promise<void>;
  /** The readers the other instances reported on `room` (0 when Redis is away: it fails open). */
  others(room: string): Promise<number>;
  close(): Promise<void>;
}

/** A single instance: nobody else to count. */
export class LocalPresenceBoard implements PresenceBoard {
  async report(): Promise<void> {}
  async others(): Promise<number> {
    return 0;
  }
  async close(): Promise<void> {}
}
