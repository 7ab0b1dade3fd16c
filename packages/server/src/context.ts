import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { TokenCache } from './auth/token-cache';
import type { Bus } from './bus/bus';
import { MemoryBus } from './bus/memory';
import { RedisBus } from './bus/redis';
import type { Config } from './config';
import type { Scheduler } from './jobs/scheduler';
import { createMetrics, type Metrics } from './metrics';
import { MemoryRateLimiter, type RateLimiter } from './ratelimit/limiter';
import { RedisRateLimiter } from './ratelimit/redis';
import { latestIdsOnTopics, readEventsSince } from './store/events';
import { openStore, type Store } from './store/open-store';
import { StreamHub } from './stream/hub';

/** The composition root: everything a request, a stream or a job needs, built once per process. */
export interface Context {
  config: Config;
  store: Store;
  bus: Bus;
  hub: StreamHub;
  log: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  /** Tokens looked up recently (see auth/token-cache.ts): revocation here is immediate, elsewhere within TOKEN_CACHE_MS. */
  tokens: TokenCache;
  /** The clock, passed in so tests and jobs agree on "now". */
  now: () => number;
  /** Identifies this process among instances (job leases, logs). */
  instanceId: string;
  /**
   * The job runner (session starts and ends, reminders), null when JOBS_ENABLED is off. Set by
   * startServer (the jobs need the whole context, so the context cannot build them itself);
   * close() stops it.
   */
  scheduler: Scheduler | null;
  close(): Promise<void>;
}

/** How long another instance may still accept a token revoked here. */
export const TOKEN_CACHE_MS = 5000;

export interface ContextOptions {
  now?: () => number;
  logger?: Logger;
}

export async function createContext(config: Config, opts: ContextOptions = {}): Promise<Context> {
  const log = opts.logger ?? pino({ level: config.logLevel });
  const now = opts.now ?? Date.now;
  const metrics = createMetrics();
  const store = await openStore(config.database);
  const bus: Bus = config.redisUrl ? new RedisBus(config.redisUrl, config.redisPrefix) : new MemoryBus();
  const rateLimiter: RateLimiter = config.redisUrl
    ? new RedisRateLimiter(config.redisUrl, config.redisPrefix, now)
    : new MemoryRateLimiter(now);
  const hub = new StreamHub(bus, {
    heartbeatSeconds: config.stream.heartbeatSeconds,
    readSince: (topics, after, limit) => readEventsSince(store.db, topics, after, limit),
    latestId: async (topic) => (await latestIdsOnTopics(store.db, [topic])).get(topic) ?? 0,
    metrics: {
      openStreams: (d) => metrics.openStreams.inc(d),
      delivered: (n) => metrics.eventsDelivered.inc(n),
      dropped: () => metrics.droppedSlow.inc(),
    },
    log,
  });
  const ctx: Context = {
    config,
    store,
    bus,
    hub,
    log,
    metrics,
    rateLimiter,
    tokens: new TokenCache(TOKEN_CACHE_MS),
    now,
    instanceId: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    scheduler: null,
    async close() {
      await ctx.scheduler?.stop();
      hub.close();
      await bus.close();
      await rateLimiter.close();
      await store.close();
    },
  };
  return ctx;
}
