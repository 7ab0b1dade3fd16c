/**
 * The hot-page cache: answers that many people ask for at once and that are the same for all
 * of them (what a logged-out joiner of a live room loads), computed once and kept until an
 * event on one of their topics says they changed, or `ttlMs` passes (what no event announces:
 * counts, an author's new name).
 *
 * - Single flight: requests that arrive while an answer is being computed wait for that one
 *   computation instead of starting their own.
 * - Invalidation: every entry names the bus topics whose events change it. The cache watches
 *   those topics (through the stream hub, so over Redis on every instance) before it computes,
 *   and drops the entry on any event there; an answer whose computation an event overtook is
 *   handed to the requests already waiting but never kept. The instance that wrote drops its
 *   entries itself when it publishes (`invalidate`), before it answers the writer.
 * - Failures (a 404 included) are never kept.
 * - Topics stay watched while used and are let go after `idleMs` without an entry.
 */
export interface HotPagesOptions {
  ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  max: number;
  /** How long a topic with no entry stays watched (a busy room's page is dropped many times a second). */
  idleMs: number;
  now: () => number;
  /** Subscribes to a topic, calling `onEvent` for each of its events; resolves once live, to the unwatch. */
  watch: (topic: string, onEvent: () => void) => Promise<() => Promise<void>>;
}

interface Entry {
  value: Promise<unknown>;
  /** When it expires; Infinity while being computed. */
  expires: number;
  topics: string[];
}

interface Watched {
  keys: Set<string>;
  ready: Promise<unknown>;
  unwatch: Promise<() => Promise<void>>;
  lastUsed: number;
}

export class HotPages {
  private readonly entries = new Map<string, Entry>();
  private readonly topics = new Map<string, Watched>();
  private readonly sweeper: NodeJS.Timeout;
  /** Answers served from the cache, and computed (for tests and metrics). */
  readonly stats = { hits: 0, computed: 0, invalidated: 0 };

  constructor(private readonly opts: HotPagesOptions) {
    this.sweeper = setInterval(() => void this.sweep(), Math.max(1000, opts.idleMs));
    this.sweeper.unref();
  }

  /** The answer for `key`: kept, being computed, or computed now (after `topics` are watched). */
  get<T>(key: string, topics: string[], compute: () => Promise<T>): Promise<T> {
    const now = this.opts.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    if (hit) this.drop(key, hit);
    this.stats.computed++;
    const entry: Entry = { value: Promise.resolve(), expires: Number.POSITIVE_INFINITY, topics };
    this.entries.set(key, entry);
    for (const t of topics) this.watched(t, now).keys.add(key);
    entry.value = Promise.all(topics.map((t) => this.topics.get(t)?.ready))
      .then(compute)
      .then(
        (v) => {
          if (this.entries.get(key) === entry) entry.expires = this.opts.now() + this.opts.ttlMs;
          return v;
        },
        (err: unknown) => {
          if (this.entries.get(key) === entry) this.drop(key, entry);
          throw err;
        },
      );
    if (this.entries.size > this.opts.max) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.drop(oldestKey, oldest);
    }
    return entry.value as Promise<T>;
  }

  /** Drops every entry that depends on `topic` (an event there, or this instance just wrote to it). */
  invalidate(topic: string): void {
    const w = this.topics.get(topic);
    if (!w) return;
    for (const key of [...w.keys]) {
      const e = this.entries.get(key);
      if (e) {
        this.stats.invalidated++;
        this.drop(key, e);
      }
    }
  }

  /** Drops `key`'s entry if it is still the one that answered `value` (an answer found out of date by its reader). */
  forget(key: string, value: Promise<unknown>): void {
    const e = this.entries.get(key);
    if (e && e.value === value) this.drop(key, e);
  }

  /** Drops everything (the bus reconnected: events may have been lost). */
  clear(): void {
    for (const [key, e] of [...this.entries]) this.drop(key, e);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.clear();
    for (const w of this.topics.values()) void w.unwatch.then((u) => u()).catch(() => {});
    this.topics.clear();
  }

  private watched(topic: string, now: number): Watched {
    let w = this.topics.get(topic);
    if (!w) {
      const unwatch = this.opts.watch(topic, () => this.invalidate(topic));
      w = { keys: new Set(), unwatch, ready: unwatch.catch(() => {}), lastUsed: now };
      this.topics.set(topic, w);
    }
    w.lastUsed = now;
    return w;
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    for (const t of entry.topics) this.topics.get(t)?.keys.delete(key);
  }

  /** Lets go of topics that no entry has needed for `idleMs`. */
  private async sweep(): Promise<void> {
    const now = this.opts.now();
    for (const [topic, w] of [...this.topics]) {
      if (w.keys.size > 0 || now - w.lastUsed < this.opts.idleMs) continue;
      this.topics.delete(topic);
      await w.unwatch.then((u) => u()).catch(() => {});
    }
  }
}
