import { Redis } from 'ioredis';
import type { RateLimiter } from './limiter';

/**
 * Counters in Redis, so a client's limit holds whichever instance it reaches. While Redis is
 * away the limiter fails open (the count reads 0): an outage must not refuse every request.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'hashchat:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => {});
  }

  async hit(key: string, windowSeconds: number) {
    const k = `${this.prefix}rl:${key}`;
    const ms = windowSeconds * 1000;
    try {
      // One transaction: the window's expiry is set with its first hit, never left unset.
      const res = (await this.redis.multi().set(k, '0', 'PX', ms, 'NX').incr(k).pttl(k).exec()) as [
        Error | null,
        unknown,
      ][];
      const count = Number(res[1][1]);
      const ttl = Number(res[2][1]);
      return { count, resetAt: Date.now() + (ttl > 0 ? ttl : ms) };
    } catch {
      return { count: 0, resetAt: Date.now() + ms };
    }
  }

  async close() {
    this.redis.disconnect();
  }
}
