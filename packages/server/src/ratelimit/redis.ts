import { Redis } from 'ioredis';
import type { RateLimiter } from './limiter';

/**
 * Counters in Redis, so a client's limit holds whichever instance it reaches. While Redis is
 * away the limiter fails open (the count reads 0): an outage must not refuse every request.
 */
const HIT = `
local start = tonumber(redis.call('HGET', KEYS[1], 's'))
local now = tonumber(ARGV[1])
local ms = tonumber(ARGV[2])
if (not start) or start + ms <= now then
  redis.call('HSET', KEYS[1], 's', now, 'c', 1)
  redis.call('PEXPIRE', KEYS[1], ms)
  return {1, now + ms}
end
local c = redis.call('HINCRBY', KEYS[1], 'c', 1)
return {c, start + ms}
`;

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'hashchat:',
    private readonly now: () => number = Date.now,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => {});
  }

  async hit(key: string, windowSeconds: number) {
    const k = `${this.prefix}rl:${key}`;
    const ms = windowSeconds * 1000;
    const now = this.now();
    try {
      // The window opens at its first hit on the instances' shared clock (ctx.now), like the
      // in-process limiter; Redis's own expiry only collects old keys.
      const [count, resetAt] = (await this.redis.eval(HIT, 1, k, now, ms)) as [number, number];
      return { count: Number(count), resetAt: Number(resetAt) };
    } catch {
      return { count: 0, resetAt: now + ms };
    }
  }

  async peek(key: string, windowSeconds: number) {
    try {
      const [start, count] = await this.redis.hmget(`${this.prefix}rl:${key}`, 's', 'c');
      if (start === null || Number(start) + windowSeconds * 1000 <= this.now()) return 0;
      return Number(count);
    } catch {
      return 0;
    }
  }

  async windowEnd(key: string, windowSeconds: number) {
    try {
      const start = await this.redis.hget(`${this.prefix}rl:${key}`, 's');
      if (start === null) return null;
      const end = Number(start) + windowSeconds * 1000;
      return end > this.now() ? end : null;
    } catch {
      return null;
    }
  }

  async close() {
    this.redis.disconnect();
  }
}
