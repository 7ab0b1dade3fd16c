import type { StoredEvent } from '../store/events';

/** Frames built at most once per event per topic, shared by every reader of that topic. */
export interface FrameCache {
  sse?: Buffer;
  /** The SSE event framed as an HTTP/1.1 chunk, for readers that write to their socket. */
  sseChunk?: Buffer;
  /** The SSE event without its `id:` line (Mastodon's framing), and as a chunk. */
  sseBare?: Buffer;
  sseBareChunk?: Buffer;
  /**
   * WebSocket messages by stream name (readers of one topic may know it by different names,
   * `hashtag`, `user`), encoded once, and framed once for sockets written to directly: every
   * socket is sent the same bytes.
   */
  ws?: Map<string, { message: Buffer; frame: Buffer | null }>;
  /** The payload escaped as a JSON string, shared by every WebSocket frame of the event. */
  wsPayload?: string;
}

/**
 * Whether an `update` is a reblog, from its serialized Status: only a reblog's `reblog` is an
 * object. User text cannot fake the marker: inside JSON strings every `"` is escaped.
 */
function isReblog(event: StoredEvent): boolean {
  return event.event === 'update' && event.payload.includes('"reblog":{"');
}

/**
 * The hooks' default, one function for every reader: a class field's `() => {}` would be a new
 * closure per reader (56 bytes each, three a reader).
 */
const nothing = () => {};

/** Why a stream ended: a slow reader dropped, the server stopping, the client leaving, its credential revoked. */
export type CloseReason = 'backlog' | 'shutdown' | 'client' | 'revoked';

/**
 * One open stream connection (SSE or WebSocket). The hub hands it events; the reader filters
 * (blocks, mutes: decided from memory, never a query per event), dedupes and writes.
 */
export abstract class Reader {
  /** Topic → the stream name the client knows it by (Mastodon's `stream` array on WebSocket). */
  readonly topics = new Map<string, string[]>();
  /** Id of the newest event written; what the client's Last-Event-ID will say. */
  lastId = 0;
  closed = false;
  /** Which of the hub's heartbeat slots this reader is in (heartbeats are spread over the interval). */
  heartbeatSlot = 0;
  /** While catching up from the store, live events wait here (bounded) so nothing is lost or doubled. */
  private pending: { topic: string; event: StoredEvent; frames: FrameCache }[] | null = null;
  /**
   * Ids written lately, for readers that can see an event twice (null until one can). This and
   * the sets and maps below are made on first use: most readers never need them, and an empty
   * Set or Map costs ~170 bytes, ~850 a reader for five (8.5 MB at 10,000 readers).
   */
  private recent: Set<number> | null = null;
  /** The highest event id a catch-up wrote from the store (0: none). */
  private caughtUpTo = 0;
  #excluded: Set<number> | null = null;
  #hiddenReblogs: Set<number> | null = null;
  #streamEvents: Map<string[], ReadonlySet<string>> | null = null;
  #alsoOn: Map<string, string[][]> | null = null;
  /** Accounts whose events this reader never writes (blocked, muted); kept current by `hashchat.exclude`. */
  get excludedAccounts(): Set<number> {
    this.#excluded ??= new Set();
    return this.#excluded;
  }
  /**
   * Accounts the viewer follows with reblogs off (user streams): their reblogs are not written,
   * as the home timeline leaves them out. Kept current by `hashchat.reblogs`.
   */
  get hiddenReblogs(): Set<number> {
    this.#hiddenReblogs ??= new Set();
    return this.#hiddenReblogs;
  }
  /** Which event names a stream wants (e.g. only `notification`), by stream name; null for all. */
  setStreamEvents(name: string[], events: ReadonlySet<string> | null): void {
    if (events) {
      this.#streamEvents ??= new Map();
      this.#streamEvents.set(name, events);
    } else this.#streamEvents?.delete(name);
  }
  /**
   * Further streams of one WebSocket on a topic another of its streams holds (`user` and
   * `user:notification` both read the user's topic). Mastodon writes an event once per stream
   * that wants it, and clients (masto.js) hand a message only to the stream it names.
   */
  get alsoOn(): Map<string, string[][]> {
    this.#alsoOn ??= new Map();
    return this.#alsoOn;
  }
  /** The token the stream was opened with (null: anonymous); revoking it closes the stream. */
  tokenId: number | null = null;
  /** The account the stream was opened as; suspending it closes the stream. */
  accountId: number | null = null;
  /** Gives back the stream's slot (stream-limits.ts) once the reader closes, however it does. */
  private release: (() => void) | null = null;
  /**
   * The viewer's filters (null: none): drops a status event (hide), or returns a copy that
   * carries `filtered` (written without the shared frames), or the event unchanged.
   */
  filterEvent: ((topic: string, event: StoredEvent) => StoredEvent | null) | null = null;
  /** Rules of the streams this reader holds (a list's replies policy): false drops the event. */
  readonly gates: ((topic: string, event: StoredEvent) => boolean)[] = [];
  /** Called with the viewer's filters as they now are (`hashchat.filters`, in stream order). */
  onFiltersChanged: (payload: string) => void = nothing;
  /** Internal `hashchat.*` events (e.g. "you now follow X: add its topic") go here, never to the client. */
  onControl: (event: StoredEvent, topic: string) => void = nothing;

  /** Called by the hub for every event on one of this reader's topics. */
  deliver(topic: string, event: StoredEvent, frames: FrameCache): boolean {
    if (this.closed) return false;
    if (this.pending) {
      if (this.pending.length >= 10_000) {
        this.close('backlog');
        return false;
      }
      this.pending.push({ topic, event, frames });
      return false;
    }
    return this.emit(topic, event, frames);
  }

  private emit(topic: string, event: StoredEvent, frames: FrameCache): boolean {
    // A bus message reaches a reader once per topic, so only readers of several topics can
    // see one event twice — or a reader that caught up from the store, which can be ahead of
    // this instance's bus: the bus's message for an event the backlog held comes after it.
    // Events from different instances may arrive slightly out of id order, so ids are
    // remembered rather than compared with the last one.
    if (this.topics.size > 1 || event.id <= this.caughtUpTo) {
      if (this.recent?.has(event.id)) return false;
      this.remember(event.id);
    }
    return this.writeEvent(topic, event, frames);
  }

  private remember(id: number): void {
    this.recent ??= new Set();
    this.recent.add(id);
    if (this.recent.size > 512) this.recent.delete(this.recent.values().next().value!);
  }

  private writeEvent(topic: string, event: StoredEvent, frames: FrameCache): boolean {
    if (event.id > this.lastId) this.lastId = event.id;
    if (event.event.startsWith('hashchat.')) {
      if (event.event === 'hashchat.exclude') this.exclude(event.payload);
      else if (event.event === 'hashchat.reblogs') this.showReblogs(event.payload);
      else if (event.event === 'hashchat.filters') this.onFiltersChanged(event.payload);
      this.onControl(event, topic);
      return false;
    }
    if (
      (event.accountId !== null && this.#excluded?.has(event.accountId)) ||
      (event.accountId !== null && this.#hiddenReblogs?.has(event.accountId) && isReblog(event)) ||
      this.gates.some((admits) => !admits(topic, event))
    ) {
      return false;
    }
    const also = this.#alsoOn?.get(topic);
    if (also) {
      let wrote = false;
      for (const name of this.topics.has(topic) ? [this.topics.get(topic)!, ...also] : also) {
        if (this.wants(name, event)) wrote = this.writeAs(topic, event, frames, name) || wrote;
      }
      return wrote;
    }
    if (!this.wants(this.topics.get(topic), event)) return false;
    return this.writeAs(topic, event, frames, undefined);
  }

  private wants(name: string[] | undefined, event: StoredEvent): boolean {
    const events = name === undefined ? null : this.#streamEvents?.get(name);
    return !events || events.has(event.event);
  }

  /** Writes one event under one stream name (undefined: the topic's own). */
  private writeAs(
    topic: string,
    event: StoredEvent,
    frames: FrameCache,
    name: string[] | undefined,
  ): boolean {
    if (this.filterEvent) {
      const filtered = this.filterEvent(topic, event);
      if (!filtered) return false;
      if (filtered !== event) {
        this.write(topic, filtered, {}, name);
        return true;
      }
    }
    this.write(topic, event, frames, name);
    return true;
  }

  private exclude(payload: string): void {
    const { account_id, excluded } = JSON.parse(payload) as { account_id: number; excluded: boolean };
    if (excluded) this.excludedAccounts.add(account_id);
    else this.#excluded?.delete(account_id);
  }

  private showReblogs(payload: string): void {
    const { account_id, shown } = JSON.parse(payload) as { account_id: number; shown: boolean };
    if (shown) this.#hiddenReblogs?.delete(account_id);
    else this.hiddenReblogs.add(account_id);
  }

  beginCatchUp(): void {
    this.pending ??= [];
  }

  /**
   * Writes events read back from the store (already in order), then what arrived live
   * meanwhile, skipping what the store already gave: no gap, no duplicate. A long backlog is
   * written as fast as the client reads it (waiting whenever half the buffer limit is queued),
   * so a reader that missed much is not dropped as slow for the catch-up it asked for.
   */
  async endCatchUp(backlog: (StoredEvent & { topic: string })[]): Promise<number> {
    let n = 0;
    const sent = new Set<number>();
    for (const e of backlog) {
      if (this.closed) break;
      if (sent.has(e.id) || this.recent?.has(e.id)) continue;
      sent.add(e.id);
      this.remember(e.id);
      if (e.id > this.caughtUpTo) this.caughtUpTo = e.id;
      if (this.backedUp()) await this.drained();
      if (this.writeEvent(e.topic, e, {})) n++;
    }
    const live = this.pending ?? [];
    this.pending = null;
    live.sort((a, b) => a.event.id - b.event.id);
    for (const p of live) {
      if (sent.has(p.event.id)) continue;
      sent.add(p.event.id);
      if (this.topics.size > 1) {
        if (this.recent?.has(p.event.id)) continue;
        this.remember(p.event.id);
      }
      if (this.writeEvent(p.topic, p.event, p.frames)) n++;
    }
    return n;
  }

  protected abstract write(topic: string, event: StoredEvent, frames: FrameCache, name?: string[]): void;
  /** Whether the connection holds enough unsent bytes that a catch-up should wait. */
  protected backedUp(): boolean {
    return false;
  }
  /** Resolves once the connection has sent most of what it holds, or is closed. */
  protected drained(): Promise<void> {
    return Promise.resolve();
  }
  abstract heartbeat(): void;
  /** Called by the hub once the reader's topics are subscribed: from now on no event is missed. */
  live(): void {}
  /** Ends the connection; `reason` 'backlog' marks a slow reader dropped to protect the room. */
  abstract close(reason: CloseReason): void;
  /** Called once when the reader is gone, whatever closed it. */
  onClose: (reason: CloseReason) => void = nothing;

  /** Hands the reader its stream slot; a reader already closed gives it back at once. */
  hold(release: () => void): void {
    if (this.closed) release();
    else this.release = release;
  }

  /** Marks the reader gone, once, whatever ended it: frees its slot and tells the hub. */
  protected finish(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.release?.();
    this.release = null;
    this.onClose(reason);
    this.onClose = nothing;
  }
}
