import type { AppendedEvent } from '../../store/events';

/**
 * What services ask of the fediverse edge (src/federation), which implements it: services
 * never import the protocol. Null on the context when federation is off.
 */
export interface FederationPort {
  /** Sends a Follow from a local account to a remote one; the follow waits for its Accept. */
  follow(followerId: number, targetId: number): Promise<void>;
  /**
   * Rotates a local actor's keys (the old ones stay published for a grace period) and sends an
   * `Update` of the actor to its followers' servers.
   */
  rotateKeys(kind: 'account' | 'chat', id: number): Promise<void>;
  /** Sends Undo(Follow). */
  unfollow(followerId: number, targetId: number): Promise<void>;
  /** Sends Block (the remote server drops the follows between the two). */
  block(accountId: number, targetId: number): Promise<void>;
  /** Sends Undo(Block). */
  unblock(accountId: number, targetId: number): Promise<void>;
  /**
   * A local account favourited a remote status: sends `Like` to its author. Nothing for a local
   * status or a remote account (the inbox's own favourites); never throws (the favourite stands).
   */
  like(accountId: number, statusId: number): Promise<void>;
  /** Sends Undo(Like), as `like`. */
  unlike(accountId: number, statusId: number): Promise<void>;
  /**
   * A local account reblogged a remote status: sends `Announce` to its author's server and the
   * account's remote followers' servers, as `like`.
   */
  announce(accountId: number, statusId: number): Promise<void>;
  /** Sends Undo(Announce), as `announce`. */
  unannounce(accountId: number, statusId: number): Promise<void>;
  /**
   * Finds a remote account (`user@host`, `@user@host`, an actor URL) or status (its URL), asking
   * its server; the account or status id here, or null when there is nothing to find.
   */
  resolve(query: string): Promise<{ accountId: number } | { statusId: number } | null>;
  /** Turns committed events (new, edited, deleted statuses; questions; sessions) into deliveries. */
  deliver(events: AppendedEvent[]): void;
  /** Waits for deliveries handed over so far to be queued (tests, shutdown). */
  settled(): Promise<void>;
}
