import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter, type RateLimiter } from '../src/ratelimit/limiter';
import { RedisRateLimiter } from '../src/ratelimit/redis';

const REDIS_URL = process.env.HASHCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379';
let clock = 1_000_000;
const now = () => clock;
const limiters: [string, RateLimiter][] = [
  ['memory', new MemoryRateLimiter(now)],
  ['Redis', new RedisRateLimiter(REDIS_URL, `hashchat-test-${process.pid}-${Date.now()}:`, now)],
];
beforeAll(async () => {
  // The Redis limiter fails open (counts 0) until it has connected.
  for (const [, l] of limiters)
    while ((await l.hit('connected', 60)).count === 0) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  for (const [, l] of limiters) await l.close();
});

describe.each(limiters)('%s rate limiter', (_name, limiter) => {
  it('peek reads the window without counting, and 0 once it has passed', async () => {
    const key = `peek-${Math.random()}`;
    expect(await limiter.peek(key, 60)).toBe(0);
    await limiter.hit(key, 60);
    await limiter.hit(key, 60);
    expect(await limiter.peek(key, 60)).toBe(2);
    expect(await limiter.peek(key, 60)).toBe(2);
    expect((await limiter.hit(key, 60)).count).toBe(3);
    clock += 60_000;
    expect(await limiter.peek(key, 60)).toBe(0);
    expect((await limiter.hit(key, 60)).count).toBe(1);
  });

  it('windowEnd says when the open window ends, counts nothing, and is null once it has passed', async () => {
    const key = `end-${Math.random()}`;
    expect(await limiter.windowEnd(key, 60)).toBeNull();
    const { resetAt } = await limiter.hit(key, 60);
    expect(resetAt).toBe(clock + 60_000);
    clock += 20_000;
    expect(await limiter.windowEnd(key, 60)).toBe(resetAt);
    expect(await limiter.peek(key, 60)).toBe(1);
    clock += 40_000;
    expect(await limiter.windowEnd(key, 60)).toBeNull();
  });
});
