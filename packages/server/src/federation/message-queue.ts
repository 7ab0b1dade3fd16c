import type {
  MessageQueue,
  MessageQueueDepth,
  MessageQueueEnqueueOptions,
  MessageQueueListenOptions,
} from '@fedify/fedify';
import type { Bus } from '../bus/bus';
import type { StoredEvent } from '../store/events';
import {
  claimMessages,
  completeMessage,
  enqueueMessages,
  extendLeases,
  type NewQueuedMessage,
  type QueuedMessageRow,
  queueDepth,
  releaseMessages,
} from '../store/federation-queue';
import type { Store } from '../store/open-store';
import { currentHandling, type Handling, newHandling, runWithin } from './delivery-context';
import { durationMs } from './duration';

/** The bus topic on which instances tell each other that messages were enqueued. */
export const QUEUE_TOPIC = 'hashchat:federation-queue';

export interface StoreMessageQueueOptions {
  /** This instance's name in `locked_by`. */
  owner: string;
  /** Wakes listeners on other instances; without it they find new messages by polling. */
  bus?: Bus;
  now?: () => number;
  /** How often an idle listener looks for messages nobody told it about (a lost bus message). */
  pollMs?: number;
  /** How long a claim lasts without renewal before another instance may take the message. */
  leaseMs?: number;
  /** Messages handled at once by one listener. */
  workers?: number;
  /** Deliveries to one remote server at once (per listener), so a slow server holds few workers. */
  perHost?: number;
  /** Told how each message's handling went (the delivery recorder); its errors are logged. */
  onHandled?: (handling: Handling, threw: unknown) => void | Promise<void>;
  log?: { warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
}

const DEFAULTS = { pollMs: 2000, leaseMs: 60_000, workers: 32, perHost: 4 };
/** A message whose handler threw (or whose worker died) this many times is dropped. */
const MAX_CLAIMS = 8;

/**
 * Fedify's message queue on our database (table `federation_queue`). Messages survive
 * restarts; each is handled once across every instance, because a listener claims it with a
 * lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, one writer on SQLite) that it renews while
 * the handler runs; a message whose instance died is taken over once its lease ends. Enqueueing
 * wakes this process's listeners at once and other instances' over the bus; an idle listener
 * also polls. Each listener runs up to `workers` messages at once and at most `perHost` per
 * remote server, so a slow or dead server never holds up deliveries to the others. Retries are
 * Fedify's (nativeRetrial is false): a handler that throws anyway is retried a few times.
 */
export class StoreMessageQueue implements MessageQueue {
  readonly nativeRetrial = false;
  private readonly now: () => number;
  private readonly o: typeof DEFAULTS;
  private readonly listeners = new Set<Listener>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private busAttached: Promise<void> | null = null;
  private detachBus: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly store: Pick<Store, 'db' | 'dialect'>,
    private readonly opts: StoreMessageQueueOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.o = {
      pollMs: opts.pollMs ?? DEFAULTS.pollMs,
      leaseMs: opts.leaseMs ?? DEFAULTS.leaseMs,
      workers: opts.workers ?? DEFAULTS.workers,
      perHost: opts.perHost ?? DEFAULTS.perHost,
    };
  }

  // biome-ignore lint/suspicious/noExplicitAny: Fedify's interface types messages as any.
  async enqueue(message: any, options?: MessageQueueEnqueueOptions): Promise<void> {
    await this.enqueueMany([message], options);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Fedify's interface types messages as any.
  async enqueueMany(messages: readonly any[], options?: MessageQueueEnqueueOptions): Promise<void> {
    if (messages.length === 0) return;
    const now = this.now();
    const delay = options?.delay ? Math.max(0, durationMs(options.delay)) : 0;
    const runAt = now + delay;
    const rows: NewQueuedMessage[] = messages.map((m) => ({
      payload: JSON.stringify(m),
      orderingKey: options?.orderingKey ?? null,
      host: deliveryHost(m),
      runAt,
    }));
    await enqueueMessages(this.store.db, rows, now);
    const handling = currentHandling();
    if (handling) handling.requeued = true;
    this.wakeAt(runAt);
    await this.tellOthers(runAt);
  }

  async listen(
    // biome-ignore lint/suspicious/noExplicitAny: Fedify's interface types messages as any.
    handler: (message: any) => Promise<void> | void,
    options: MessageQueueListenOptions = {},
  ): Promise<void> {
    if (this.closed || options.signal?.aborted) return;
    await this.attachBus();
    const listener = new Listener(this, handler, options.signal);
    this.listeners.add(listener);
    try {
      await listener.run();
    } finally {
      this.listeners.delete(listener);
    }
  }

  async getDepth(): Promise<MessageQueueDepth> {
    const { ready, delayed } = await queueDepth(this.store.db, this.now());
    return { queued: ready + delayed, ready, delayed };
  }

  /** Stops every listener (each finishes the messages in hand) and forgets the bus. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.listeners].map((l) => l.stop()));
    this.detachBus?.();
    this.detachBus = null;
  }

  /** @internal the listener's view of the queue. */
  get settings() {
    return { ...this.o, owner: this.opts.owner, store: this.store, now: this.now, opts: this.opts };
  }

  /** Wakes every listener of this process now, or when `runAt` comes. */
  private wakeAt(runAt: number): void {
    const wait = runAt - this.now();
    if (wait <= 0) {
      for (const l of this.listeners) l.wake();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      for (const l of this.listeners) l.wake();
    }, wait);
    t.unref();
    this.timers.add(t);
  }

  private async tellOthers(runAt: number): Promise<void> {
    if (!this.opts.bus) return;
    const event: StoredEvent = { id: 0, event: 'federation.queue', accountId: null, payload: String(runAt) };
    try {
      await this.opts.bus.publish(QUEUE_TOPIC, event, null);
    } catch (err) {
      // Redis away: the other instances find the message when they next poll.
      this.opts.log?.warn({ err }, 'could not tell other instances of a queued federation message');
    }
  }

  private attachBus(): Promise<void> {
    const bus = this.opts.bus;
    if (!bus) return Promise.resolve();
    this.busAttached ??= (async () => {
      this.detachBus = bus.onMessage((topic, event) => {
        if (topic !== QUEUE_TOPIC) return;
        const runAt = Number(event.payload);
        this.wakeAt(Number.isFinite(runAt) ? runAt : 0);
      });
      bus.onReconnect(() => this.wakeAt(0));
      try {
        await bus.subscribe(QUEUE_TOPIC);
      } catch (err) {
        this.opts.log?.warn({ err }, 'could not listen for federation queue wake-ups; polling only');
      }
    })();
    return this.busAttached;
  }
}

/** The remote server a Fedify outbox message goes to (host and port), else null. */
// biome-ignore lint/suspicious/noExplicitAny: a Fedify queue message.
export function deliveryHost(message: any): string | null {
  if (message?.type !== 'outbox' || typeof message.inbox !== 'string') return null;
  try {
    return new URL(message.inbox).host.toLowerCase();
  } catch {
    return null;
  }
}

/** One `listen` call: claims, runs and completes messages until its signal aborts. */
class Listener {
  private readonly inFlight = new Map<number, { host: string | null; done: Promise<void> }>();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private stopped = false;
  private finished: Promise<void> | null = null;
  private readonly q: StoreMessageQueue['settings'];

  constructor(
    queue: StoreMessageQueue,
    // biome-ignore lint/suspicious/noExplicitAny: Fedify's interface types messages as any.
    private readonly handler: (message: any) => Promise<void> | void,
    signal: AbortSignal | undefined,
  ) {
    this.q = queue.settings;
    signal?.addEventListener('abort', () => void this.stop(), { once: true });
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops claiming; resolves once the messages in hand are done. */
  stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    return this.finished ?? Promise.resolve();
  }

  run(): Promise<void> {
    this.finished = this.loop();
    return this.finished;
  }

  private async loop(): Promise<void> {
    const renew = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.q.leaseMs / 3)));
    renew.unref();
    try {
      while (!this.stopped) {
        this.woken = false;
        let gaveBack = 0;
        try {
          gaveBack = await this.claim();
        } catch (err) {
          this.q.opts.log?.error({ err }, 'federation queue claim failed');
        }
        if (this.stopped) break;
        if (this.inFlight.size >= this.q.workers) await this.sleep(true);
        // Messages given back for a busy host may hide others that are due: look again at once.
        else if (gaveBack === 0 && !this.woken) await this.sleep(false);
      }
      await Promise.all([...this.inFlight.values()].map((f) => f.done));
    } finally {
      clearInterval(renew);
    }
  }

  /** Waits for a wake-up, a free worker (when all are busy) or the poll interval. */
  private sleep(untilSlotFree: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, this.q.pollMs);
      t.unref();
      const wakeUp = () => {
        // While every worker is busy a new message cannot start anyway: wait for a slot.
        if (!untilSlotFree || this.stopped || this.inFlight.size < this.q.workers) done();
      };
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(t);
        resolve();
      }
    }).finally(() => {
      this.wakeUp = null;
    });
  }

  private busyHosts(): string[] {
    const counts = new Map<string, number>();
    for (const f of this.inFlight.values()) if (f.host) counts.set(f.host, (counts.get(f.host) ?? 0) + 1);
    return [...counts].filter(([, n]) => n >= this.q.perHost).map(([h]) => h);
  }

  /** Claims what free workers can take, starts it, and gives back (and counts) any over a host's share. */
  private async claim(): Promise<number> {
    const free = this.q.workers - this.inFlight.size;
    if (free <= 0) return 0;
    const { store, owner } = this.q;
    const rows = await claimMessages(
      store.db,
      store.dialect,
      owner,
      this.q.now(),
      this.q.leaseMs,
      free,
      this.busyHosts(),
    );
    const perHost = new Map<string, number>();
    for (const f of this.inFlight.values()) if (f.host) perHost.set(f.host, (perHost.get(f.host) ?? 0) + 1);
    const giveBack: number[] = [];
    for (const row of rows) {
      if (row.host) {
        const n = perHost.get(row.host) ?? 0;
        if (n >= this.q.perHost) {
          giveBack.push(row.id);
          continue;
        }
        perHost.set(row.host, n + 1);
      }
      this.start(row);
    }
    if (giveBack.length > 0) await releaseMessages(store.db, giveBack, owner, this.q.now(), true);
    return giveBack.length;
  }

  private start(row: QueuedMessageRow): void {
    const done = this.handle(row).finally(() => {
      this.inFlight.delete(row.id);
      this.wake();
    });
    this.inFlight.set(row.id, { host: row.host, done });
  }

  private async handle(row: QueuedMessageRow): Promise<void> {
    const { store, owner, opts } = this.q;
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch (err) {
      opts.log?.error({ err, id: row.id }, 'unreadable federation queue message dropped');
      await completeMessage(store.db, row.id, owner).catch(() => false);
      return;
    }
    if (row.claims > MAX_CLAIMS) {
      opts.log?.error(
        { id: row.id, claims: row.claims },
        'federation queue message dropped after repeated failures',
      );
      await completeMessage(store.db, row.id, owner).catch(() => false);
      return;
    }
    const handling = newHandling(payload);
    let threw: unknown;
    try {
      await runWithin(handling, () => this.handler(payload));
    } catch (err) {
      threw = err ?? new Error('handler threw');
    }
    try {
      if (threw === undefined) await completeMessage(store.db, row.id, owner);
      else {
        opts.log?.warn({ err: threw, id: row.id }, 'federation queue handler failed; will retry');
        await releaseMessages(store.db, [row.id], owner, this.q.now() + 1000 * 2 ** row.claims);
      }
    } catch (err) {
      // The lease runs out and another listener (or this one) runs the message again.
      opts.log?.error({ err, id: row.id }, 'could not record a handled federation message');
    }
    try {
      await opts.onHandled?.(handling, threw);
    } catch (err) {
      opts.log?.warn({ err }, 'federation delivery outcome not recorded');
    }
  }

  private async renewLeases(): Promise<void> {
    const ids = [...this.inFlight.keys()];
    if (ids.length === 0) return;
    try {
      await extendLeases(this.q.store.db, ids, this.q.owner, this.q.now() + this.q.leaseMs);
    } catch (err) {
      this.q.opts.log?.warn({ err }, 'could not renew federation queue leases');
    }
  }
}
