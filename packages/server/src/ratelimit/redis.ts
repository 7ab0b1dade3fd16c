import { Redis } from 'ioredis';
import type { RateLimiter } from './limiter';

/** Counters in Redis, so a client's limit holds whichever instance it reaches. */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => {});
  }

  async hit(key: string, windowSeconds: number) {
    const k = `hashchat:rl:${key}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(k).pttl(k).exec()) as [[null, number], [null, number]];
    let ms = ttl;
    if (ttl < 0) {
      await this.redis.pexpire(k, windowSeconds * 1000);
      ms = windowSeconds * 1000;
    }
    return { count, resetAt: Date.now() + ms };
  }

  async close() {
    this.redis.disconnect();
  }
}
