import type { Bus } from '../bus/bus';
import type { StoredEvent } from '../store/events';
import type { FrameCache, Reader } from './reader';

export interface HubMetrics {
  openStreams(delta: number): void;
  delivered(n: number): void;
  dropped(): void;
}

export interface HubOptions {
  heartbeatSeconds: number;
  readSince(topics: string[], afterId: number, limit: number): Promise<(StoredEvent & { topic: string })[]>;
  metrics: HubMetrics;
  log: { warn(obj: unknown, msg: string): void };
}

const CATCH_UP_PAGE = 1000;

/**
 * Topics → readers. One bus subscription per topic per process (reference-counted by the
 * number of readers), one frame per event per topic, resume from the store with no gap.
 */
export class StreamHub {
  private readonly byTopic = new Map<string, Set<Reader>>();
  private readonly readers = new Set<Reader>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly bus: Bus,
    private readonly opts: HubOptions,
  ) {
    bus.onMessage((topic, event) => this.dispatch(topic, event));
    bus.onReconnect(() => {
      for (const r of this.readers) void this.catchUp(r, r.lastId);
    });
    this.heartbeat = setInterval(() => {
      for (const r of this.readers) r.heartbeat();
    }, opts.heartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.readers.size;
  }

  /** Attaches a reader to its topics; with `since`, first sends what it missed after that event id. */
  async attach(reader: Reader, since: number | null): Promise<void> {
    this.readers.add(reader);
    this.opts.metrics.openStreams(1);
    reader.onClose = (reason) => {
      if (reason === 'backlog') this.opts.metrics.dropped();
      this.detach(reader);
    };
    if (since !== null) reader.beginCatchUp();
    for (const topic of reader.topics.keys()) await this.addTopic(reader, topic);
    if (since !== null) await this.catchUp(reader, since);
  }

  /** Adds one topic to an attached reader (WebSocket `subscribe`). */
  async addTopic(reader: Reader, topic: string, since: number | null = null): Promise<void> {
    let set = this.byTopic.get(topic);
    if (!set) {
      set = new Set();
      this.byTopic.set(topic, set);
      await this.bus.subscribe(topic);
    }
    set.add(reader);
    if (since !== null) {
      reader.beginCatchUp();
      await this.catchUp(reader, since, [topic]);
    }
  }

  async removeTopic(reader: Reader, topic: string): Promise<void> {
    reader.topics.delete(topic);
    const set = this.byTopic.get(topic);
    if (!set) return;
    set.delete(reader);
    if (set.size === 0) {
      this.byTopic.delete(topic);
      await this.bus.unsubscribe(topic).catch(() => {});
    }
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
    this.opts.metrics.delivered(reader.endCatchUp(backlog));
  }

  private dispatch(topic: string, event: StoredEvent): void {
    const set = this.byTopic.get(topic);
    if (!set) return;
    const frames: FrameCache = {};
    let n = 0;
    for (const reader of set) if (reader.deliver(topic, event, frames)) n++;
    if (n > 0) this.opts.metrics.delivered(n);
  }

  /** Closes every open stream (shutdown), so the HTTP server can stop. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const r of [...this.readers]) r.close('shutdown');
  }
}
