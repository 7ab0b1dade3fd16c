import { Redis } from 'ioredis';
import type { PresenceBoard } from './presence-board';

/** How long an instance's report counts without renewal (the counters tick renews it every 5 s). */
export const PRESENCE_TTL_MS = 20_000;

/**
 * In Redis: one hash per room, a field per instance holding "<count> <expires at, ms>". The
 * expiry is checked on read (wall clock), the key's own expiry only collects rooms nobody reads.
 */
export class RedisPresenceBoard implements PresenceBoard {
  private readonly redis: Redis;
  private readonly reported = new Set<string>();

  constructor(
    url: string,
    private readonly instanceId: string,
    private readonly prefix = 'hashchat:',
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => {});
  }

  private key(room: string): string {
    return `${this.prefix}presence:${room}`;
  }

  async report(room: string, count: number): Promise<void> {
    const key = this.key(room);
    try {
      if (count > 0) {
        await this.redis
          .multi()
          .hset(key, this.instanceId, `${count} ${Date.now() + this.ttlMs}`)
          .pexpire(key, this.ttlMs * 3)
          .exec();
        this.reported.add(room);
      } else if (this.reported.delete(room)) {
        await this.redis.hdel(key, this.instanceId);
      }
    } catch {
      // Redis away: the others count without us until it is back (the report lapses anyway).
    }
  }

  async others(room: string): Promise<number> {
    let all: Record<string, string>;
    try {
      all = await this.redis.hgetall(this.key(room));
    } catch {
      return 0;
    }
    const now = Date.now();
    let sum = 0;
    for (const [instance, value] of Object.entries(all)) {
      if (instance === this.instanceId) continue;
      const [count, expires] = value.split(' ').map(Number);
      if (Number.isFinite(count) && expires > now) sum += count;
    }
    return sum;
  }

  async close(): Promise<void> {
    // Withdraw this instance's reports, so the others stop counting its readers at once.
    await Promise.all([...this.reported].map((room) => this.report(room, 0)));
    this.redis.disconnect();
  }
}
