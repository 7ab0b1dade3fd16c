import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { TokenCache } from './auth/token-cache';
import type { Bus } from './bus/bus';
import { MemoryBus } from './bus/memory';
import { LocalPresenceBoard, type PresenceBoard } from './bus/presence-board';
import type { Config } from './config';
import type { Scheduler } from './jobs/scheduler';
import { createLogger, withRedaction } from './log';
import { createMetrics, type Metrics } from './metrics';
import { MemoryRateLimiter, type RateLimiter } from './ratelimit/limiter';
import type { FederationPort } from './services/federation/port';
import { latestIdsOnTopics, readEventsSince } from './store/events';
import { queueDepth } from './store/federation-queue';
import { openStore, type Store } from './store/open-store';
import { FdWatch, readFdLimit, streamCapFor } from './stream/fd-headroom';
import { HotPages } from './stream/hot-pages';
import { StreamHub } from './stream/hub';
import { StreamLimits } from './stream/stream-limits';

/** The composition root: everything a request, a stream or a job needs, built once per process. */
export interface Context {
  config: Config;
  store: Store;
  bus: Bus;
  hub: StreamHub;
  /** Each instance's readers per live room, shared so "People in the room" counts them all. */
  presence: PresenceBoard;
  /** Answers every logged-out joiner of a live room asks for, kept current by events (stream/hot-pages.ts). */
  hotPages: HotPages;
  /** Open streams per address, per account and in all (counted on open and close). */
  streamLimits: StreamLimits;
  log: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  /** Tokens looked up recently (see auth/token-cache.ts): revocation reaches every instance over the bus. */
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
  /**
   * The fediverse edge (src/federation), null when FEDERATION_ENABLED is off. Set by
   * prepareServer, like the scheduler: it needs the whole context.
   */
  federation: FederationPort | null;
  close(): Promise<void>;
}

/** How long another instance may still accept a token revoked here, should the bus lose the revocation. */
export const TOKEN_CACHE_MS = 5000;
/**
 * How long a hot page (stream/hot-pages.ts) is kept at most: events drop it at once; this bounds
 * what no event announces (counts, an author's new name).
 */
export const HOT_PAGE_TTL_MS = 2000;
/** How often the open descriptors are counted against the limit (a warning at 80 %). */
const FD_CHECK_MS = 10_000;

export interface ContextOptions {
  now?: () => number;
  logger?: Logger;
}

export async function createContext(config: Config, opts: ContextOptions = {}): Promise<Context> {
  // A logger handed in (tests, embedders) is redacted like our own.
  const log = opts.logger ? withRedaction(opts.logger) : createLogger(config.logLevel);
  const now = opts.now ?? Date.now;
  const metrics = createMetrics();
  const tokens = new TokenCache(TOKEN_CACHE_MS);
  const store = await openStore(config.database);
  metrics.sources.federationQueue = () => queueDepth(store.db, now());
  // ioredis is imported only when there is a Redis to talk to (a single instance never loads it).
  const redis = config.redisUrl ? await loadRedis() : null;
  const bus: Bus =
    redis && config.redisUrl ? new redis.RedisBus(config.redisUrl, config.redisPrefix) : new MemoryBus();
  const rateLimiter: RateLimiter =
    redis && config.redisUrl
      ? new redis.RedisRateLimiter(config.redisUrl, config.redisPrefix, now)
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
    onRevoked: (r) => tokens.forgetRevoked(r),
  });
  // Start listening before serving, so no revocation published meanwhile is missed; but with
  // Redis away at start, do not wait for it (ioredis makes the subscription once it connects).
  await Promise.race([
    hub.listen().catch((err) => log.warn({ err }, 'could not listen for revocations')),
    new Promise((resolve) => setTimeout(resolve, 2000).unref()),
  ]);
  // Real time, not the context's clock (tests freeze that): the TTL bounds staleness in wall time.
  const hotPages = new HotPages({
    ttlMs: HOT_PAGE_TTL_MS,
    max: 500,
    idleMs: 60_000,
    now: Date.now,
    watch: (topic, onEvent) => hub.watch(topic, onEvent),
  });
  // Messages may have been lost while Redis was away: nothing kept can be trusted.
  bus.onReconnect(() => hotPages.clear());
  const fdLimit = readFdLimit();
  const streamLimits = new StreamLimits(
    {
      perAddress: config.stream.perAddress,
      perAccount: config.stream.perAccount,
      total: streamCapFor(fdLimit),
    },
    (cap) => metrics.streamsRefused.inc({ cap }),
  );
  if (Number.isFinite(streamLimits.caps.total)) metrics.streamsMax.set(streamLimits.caps.total);
  const fds = new FdWatch(fdLimit, log);
  const fdTimer = setInterval(() => void fds.check(), FD_CHECK_MS);
  fdTimer.unref();
  const instanceId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const presence: PresenceBoard =
    redis && config.redisUrl
      ? new redis.RedisPresenceBoard(config.redisUrl, instanceId, config.redisPrefix)
      : new LocalPresenceBoard();
  const ctx: Context = {
    config,
    store,
    bus,
    hub,
    presence,
    hotPages,
    streamLimits,
    log,
    metrics,
    rateLimiter,
    tokens,
    now,
    instanceId,
    scheduler: null,
    federation: null,
    async close() {
      await ctx.scheduler?.stop();
      await ctx.federation?.settled();
      clearInterval(fdTimer);
      hotPages.close();
      hub.close();
      await presence.close();
      await bus.close();
      await rateLimiter.close();
      await store.close();
    },
  };
  return ctx;
}

/** The Redis-backed bus, rate limiter and presence board, imported when REDIS_URL is set. */
async function loadRedis() {
  const [{ RedisBus }, { RedisRateLimiter }, { RedisPresenceBoard }] = await Promise.all([
    import('./bus/redis'),
    import('./ratelimit/redis'),
    import('./bus/redis-presence-board'),
  ]);
  return { RedisBus, RedisRateLimiter, RedisPresenceBoard };
}
