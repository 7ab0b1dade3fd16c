import type { Bus } from '../bus/bus';
import type { StoredEvent } from '../store/events';
import type { FrameCache, Reader } from './reader';
import { opensWith, parseRevocation, REVOKED_TOPIC, type Revocation, revocationEvent } from './revocation';
import { withoutWithdrawn } from './withdrawn';

export interface HubMetrics {
  openStreams(delta: number): void;
  delivered(n: number): void;
  dropped(): void;
}

export interface HubOptions {
  heartbeatSeconds: number;
  readSince(topics: string[], afterId: number, limit: number): Promise<(StoredEvent & { topic: string })[]>;
  /** The newest event id on a topic (0 when none): where a fresh subscription starts. */
  latestId(topic: string): Promise<number>;
  metrics: HubMetrics;
  log: { warn(obj: unknown, msg: string): void };
  /** How long an event that arrived ahead of its predecessor waits for it before the store is asked. */
  gapWaitMs?: number;
  /** Told of every revocation this process hears of (after the hub has closed its streams): the token cache. */
  onRevoked?: (r: Revocation) => void;
}

const CATCH_UP_PAGE = 1000;
const HELD_MAX = 10_000;

/** One subscribed topic: its readers and where its event chain stands in this process. */
interface TopicState {
  readers: Set<Reader>;
  /** Id of the newest event dispatched on the topic. */
  head: number;
  /** Set while the topic is being (re)read from the store: live messages queue meanwhile. */
  queue: { event: StoredEvent; prev: number | null }[] | null;
  /** Events that arrived before their predecessor, keyed by that predecessor's id. */
  held: Map<number, StoredEvent>;
  gapTimer: NodeJS.Timeout | null;
  ready: Promise<void>;
  /** In-process listeners told of each event after the readers (the hot-page cache's invalidation). */
  watchers: Set<(event: StoredEvent) => void>;
}

/**
 * Topics → readers. One bus subscription per topic per process (reference-counted by the
 * number of readers), one frame per event per topic, resume from the store with no gap.
 *
 * Each bus message names the previous event on its topic, so the hub dispatches every topic's
 * events in id order even when instances publish out of commit order, and fills from the store
 * whatever the bus lost (a message published while Redis was away, a reconnect).
 */
export class StreamHub {
  private readonly byTopic = new Map<string, TopicState>();
  private readonly readers = new Set<Reader>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly slots: number;
  private tick = 0;
  private nextSlot = 0;
  private readonly gapWaitMs: number;

  constructor(
    private readonly bus: Bus,
    private readonly opts: HubOptions,
  ) {
    this.gapWaitMs = opts.gapWaitMs ?? 100;
    bus.onMessage((topic, event, prev) => this.receive(topic, event, prev));
    bus.onReconnect(() => {
      for (const topic of this.byTopic.keys()) void this.fill(topic);
    });
    // Heartbeats are spread over the interval, one slot of readers per second: pinging 10,000
    // readers at once held the event loop for a tenth of a second every interval, and the events
    // that waited behind it made the tail of the latency (docs/performance.md, change 12).
    this.slots = Math.max(1, Math.round(opts.heartbeatSeconds));
    this.heartbeat = setInterval(
      () => {
        const slot = this.tick++ % this.slots;
        for (const r of this.readers) if (r.heartbeatSlot === slot) r.heartbeat();
      },
      (opts.heartbeatSeconds * 1000) / this.slots,
    );
    this.heartbeat.unref();
  }

  get size(): number {
    return this.readers.size;
  }

  /**
   * How many readers are on `topic`, counted once its subscription is live. A user stream adds
   * and drops topics as the viewer follows and unfollows, with nothing sent to the client; this
   * is what shows it happened (tests wait on it rather than sleep).
   */
  async readersOn(topic: string): Promise<number> {
    const st = this.byTopic.get(topic);
    if (!st) return 0;
    await st.ready;
    return st.readers.size;
  }

  /** Listens for revocations from every instance (see `revoke`); called once at start. */
  async listen(): Promise<void> {
    await this.bus.subscribe(REVOKED_TOPIC);
  }

  /**
   * Closes the streams opened with a revoked credential here, and tells every other instance
   * to do the same (and to forget the token). Whichever instance hears it first acts; the
   * echo from the bus finds nothing left to close.
   */
  async revoke(r: Revocation): Promise<void> {
    this.closeRevoked(r);
    try {
      await this.bus.publish(REVOKED_TOPIC, revocationEvent(r), null);
    } catch (err) {
      // Redis away: other instances' caches still expire the token (TOKEN_CACHE_MS).
      this.opts.log.warn({ err, revocation: r }, 'could not tell other instances of a revocation');
    }
  }

  private closeRevoked(r: Revocation): void {
    for (const reader of [...this.readers]) if (opensWith(reader, r)) reader.close('revoked');
    this.opts.onRevoked?.(r);
  }

  /** Attaches a reader to its topics; with `since`, first sends what it missed after that event id. */
  async attach(reader: Reader, since: number | null): Promise<void> {
    // Gone before it was attached (the client left while its stream was resolved): nothing to serve.
    if (reader.closed) return;
    this.readers.add(reader);
    reader.heartbeatSlot = this.nextSlot++ % this.slots;
    this.opts.metrics.openStreams(1);
    reader.onClose = (reason) => {
      if (reason === 'backlog') this.opts.metrics.dropped();
      this.detach(reader);
    };
    if (since !== null) reader.beginCatchUp();
    for (const topic of reader.topics.keys()) await this.addTopic(reader, topic);
    reader.live();
    if (since !== null) await this.catchUp(reader, since);
  }

  /** Adds one topic to an attached reader (WebSocket `subscribe`). */
  async addTopic(reader: Reader, topic: string, since: number | null = null): Promise<void> {
    const st = this.topicState(topic);
    st.readers.add(reader);
    await st.ready;
    if (since !== null) {
      reader.beginCatchUp();
      await this.catchUp(reader, since, [topic]);
    }
  }

  /**
   * Calls `fn` with every event on `topic`, in order, after the topic's readers (and with what
   * the store fills in after a gap or a reconnect), the process subscribed to it meanwhile.
   * Resolves once the subscription is live; the returned function stops watching.
   */
  async watch(topic: string, fn: (event: StoredEvent) => void): Promise<() => Promise<void>> {
    const st = this.topicState(topic);
    st.watchers.add(fn);
    await st.ready;
    return async () => {
      st.watchers.delete(fn);
      await this.release(topic, st);
    };
  }

  private topicState(topic: string): TopicState {
    const known = this.byTopic.get(topic);
    if (known) return known;
    const created: TopicState = {
      readers: new Set(),
      head: 0,
      queue: [],
      held: new Map(),
      gapTimer: null,
      ready: Promise.resolve(),
      watchers: new Set(),
    };
    created.ready = this.subscribe(topic, created);
    this.byTopic.set(topic, created);
    return created;
  }

  async removeTopic(reader: Reader, topic: string): Promise<void> {
    reader.topics.delete(topic);
    const st = this.byTopic.get(topic);
    if (!st) return;
    st.readers.delete(reader);
    await this.release(topic, st);
  }

  /** Unsubscribes from a topic nobody reads or watches any more. */
  private async release(topic: string, st: TopicState): Promise<void> {
    if (this.byTopic.get(topic) !== st) return;
    if (st.readers.size === 0 && st.watchers.size === 0) {
      this.byTopic.delete(topic);
      if (st.gapTimer) clearTimeout(st.gapTimer);
      await this.bus.unsubscribe(topic).catch(() => {});
    }
  }

  /**
   * Starts "from now": the head is read before subscribing, then whatever committed in between
   * is read back, so an event racing the subscription is neither lost nor doubled.
   */
  private async subscribe(topic: string, st: TopicState): Promise<void> {
    try {
      st.head = await this.opts.latestId(topic);
      await this.bus.subscribe(topic);
    } catch (err) {
      this.opts.log.warn({ err, topic }, 'stream subscribe failed');
    }
    await this.fillQueued(topic, st);
  }

  private detach(reader: Reader): void {
    if (!this.readers.delete(reader)) return;
    this.opts.metrics.openStreams(-1);
    for (const topic of [...reader.topics.keys()]) void this.removeTopic(reader, topic);
  }

  private async catchUp(reader: Reader, since: number, only?: string[]): Promise<void> {
    reader.beginCatchUp();
    const topics = only ?? [...reader.topics.keys()];
    const backlog: (StoredEvent & { topic: string })[] = [];
    try {
      let after = since;
      for (;;) {
        const page = await this.opts.readSince(topics, after, CATCH_UP_PAGE);
        backlog.push(...page);
        if (page.length < CATCH_UP_PAGE) break;
        after = page[page.length - 1].id;
      }
    } catch (err) {
      this.opts.log.warn({ err }, 'stream catch-up failed');
    }
    this.opts.metrics.delivered(await reader.endCatchUp(withoutWithdrawn(backlog)));
  }

  /** A message from the bus: dispatch it if it follows the topic's head, else hold it until the gap fills. */
  private receive(topic: string, event: StoredEvent, prev: number | null): void {
    const st = this.byTopic.get(topic);
    if (!st) {
      // Looked for only when no reader holds the topic: no work added to delivering events.
      const r = topic === REVOKED_TOPIC ? parseRevocation(event) : null;
      if (r) this.closeRevoked(r);
      return;
    }
    if (st.queue) {
      st.queue.push({ event, prev });
      return;
    }
    if (event.id <= st.head) return; // already dispatched (read back from the store)
    if (prev !== null && prev > st.head) {
      if (st.held.size >= HELD_MAX) {
        void this.fill(topic);
        return;
      }
      st.held.set(prev, event);
      st.gapTimer ??= setTimeout(() => {
        st.gapTimer = null;
        void this.fill(topic);
      }, this.gapWaitMs);
      return;
    }
    this.dispatch(topic, st, event);
    this.drainHeld(topic, st);
  }

  private drainHeld(topic: string, st: TopicState): void {
    for (let next = st.held.get(st.head); next; next = st.held.get(st.head)) {
      st.held.delete(st.head);
      this.dispatch(topic, st, next);
    }
    if (st.held.size === 0 && st.gapTimer) {
      clearTimeout(st.gapTimer);
      st.gapTimer = null;
    }
  }

  /** Reads the topic's events after its head from the store and dispatches them, then what queued meanwhile. */
  private async fill(topic: string): Promise<void> {
    const st = this.byTopic.get(topic);
    if (!st || st.queue) return;
    st.queue = [];
    await this.fillQueued(topic, st);
  }

  /** `fill` once live messages are already queuing (`st.queue` set). */
  private async fillQueued(topic: string, st: TopicState): Promise<void> {
    try {
      for (;;) {
        const page = await this.opts.readSince([topic], st.head, CATCH_UP_PAGE);
        for (const e of page) this.dispatch(topic, st, e);
        if (page.length < CATCH_UP_PAGE) break;
      }
    } catch (err) {
      this.opts.log.warn({ err, topic }, 'stream fill from the store failed');
    }
    const queued = st.queue ?? [];
    st.queue = null;
    for (const [prev, e] of st.held) if (e.id <= st.head) st.held.delete(prev);
    for (const q of queued) this.receive(topic, q.event, q.prev);
    this.drainHeld(topic, st);
    if (st.held.size > 0 && !st.gapTimer) {
      st.gapTimer = setTimeout(() => {
        st.gapTimer = null;
        void this.fill(topic);
      }, this.gapWaitMs);
    }
  }

  private dispatch(topic: string, st: TopicState, event: StoredEvent): void {
    if (event.id <= st.head) return;
    st.head = event.id;
    const frames: FrameCache = {};
    let n = 0;
    for (const reader of st.readers) if (reader.deliver(topic, event, frames)) n++;
    if (n > 0) this.opts.metrics.delivered(n);
    for (const watcher of st.watchers) watcher(event);
  }

  /** Closes every open stream (shutdown), so the HTTP server can stop. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const st of this.byTopic.values()) if (st.gapTimer) clearTimeout(st.gapTimer);
    for (const r of [...this.readers]) r.close('shutdown');
  }
}
