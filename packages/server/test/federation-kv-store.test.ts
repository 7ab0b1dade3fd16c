import type { KvStoreSetOptions } from '@fedify/fedify';
import { Temporal } from '@js-temporal/polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreKvStore } from '../src/federation/kv-store';
import { openStore, type Store } from '../src/store/open-store';
import { createTestDatabase, type TestDatabase, testConfig } from './support/test-server';

// Runs on SQLite, and on PostgreSQL with HASHCHAT_TEST_BACKEND=scale (npm run test:scale).
let db: TestDatabase;
let store: Store;
const clock = { now: Date.parse('2027-05-01T10:00:00Z') };
let kv: StoreKvStore;

/** A duration as Fedify hands one over at run time (the polyfill's; its types name the global one). */
const ttl = (d: { seconds?: number; hours?: number }) =>
  Temporal.Duration.from(d) as unknown as NonNullable<KvStoreSetOptions['ttl']>;

beforeAll(async () => {
  db = await createTestDatabase();
  store = await openStore((await testConfig(db)).database);
  kv = new StoreKvStore(store, { now: () => clock.now });
});
afterAll(async () => {
  await store.close();
  await db.drop();
});

async function listed(prefix?: readonly [string, ...string[]]) {
  const out: { key: readonly string[]; value: unknown }[] = [];
  for await (const e of kv.list(prefix)) out.push(e);
  return out;
}

describe('StoreKvStore', () => {
  it('gets what was set, as JSON, and nothing after delete', async () => {
    const value = { id: 'https://remote.example/users/a', keys: [1, 2, { n: null }], ok: true };
    await kv.set(['doc', 'https://remote.example/users/a'], value);
    expect(await kv.get(['doc', 'https://remote.example/users/a'])).toEqual(value);
    expect(await kv.get(['doc'])).toBeUndefined();
    await kv.set(['doc', 'https://remote.example/users/a'], 'replaced');
    expect(await kv.get(['doc', 'https://remote.example/users/a'])).toBe('replaced');
    await kv.delete(['doc', 'https://remote.example/users/a']);
    expect(await kv.get(['doc', 'https://remote.example/users/a'])).toBeUndefined();
  });

  it('hides an entry once its TTL has passed, and the sweep deletes it', async () => {
    await kv.set(['ttl', 'a'], 1, { ttl: ttl({ seconds: 30 }) });
    await kv.set(['ttl', 'b'], 2, { ttl: ttl({ hours: 1 }) });
    await kv.set(['ttl', 'c'], 3);
    clock.now += 29_000;
    expect(await kv.get(['ttl', 'a'])).toBe(1);
    clock.now += 2_000;
    expect(await kv.get(['ttl', 'a'])).toBeUndefined();
    expect((await listed(['ttl'])).map((e) => e.key[1])).toEqual(['b', 'c']);
    expect(await kv.sweepExpired()).toBeGreaterThanOrEqual(1);
    const left = await store.db
      .selectFrom('federation_kv')
      .select('key')
      .where('key', 'like', '["ttl"%')
      .execute();
    expect(left.map((r) => r.key).sort()).toEqual(['["ttl","b"]', '["ttl","c"]']);
  });

  it('compare-and-swap writes only over the expected value (absent counts as undefined)', async () => {
    expect(await kv.cas(['cas', 'x'], 'something', 1)).toBe(false);
    expect(await kv.get(['cas', 'x'])).toBeUndefined();
    expect(await kv.cas(['cas', 'x'], undefined, { n: 1, tags: ['a'] })).toBe(true);
    expect(await kv.cas(['cas', 'x'], undefined, { n: 9 })).toBe(false);
    // Equal as values, whatever the order of the object's fields.
    expect(await kv.cas(['cas', 'x'], { tags: ['a'], n: 1 }, { n: 2 })).toBe(true);
    expect(await kv.get(['cas', 'x'])).toEqual({ n: 2 });
  });

  it('lets exactly one of many racing compare-and-swaps win', async () => {
    await kv.set(['race'], 0);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => kv.cas(['race'], 0, i + 1)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await kv.get(['race'])).toBe(results.indexOf(true) + 1);
  });

  it('treats an expired entry as absent for compare-and-swap', async () => {
    await kv.set(['cas-ttl'], 'old', { ttl: ttl({ seconds: 1 }) });
    clock.now += 1_001;
    expect(await kv.cas(['cas-ttl'], 'old', 'new')).toBe(false);
    expect(await kv.cas(['cas-ttl'], undefined, 'new')).toBe(true);
    expect(await kv.get(['cas-ttl'])).toBe('new');
  });

  it('lists by key prefix: the prefix itself and longer keys, never a key that merely starts alike', async () => {
    await kv.set(['p', 'a'], 1);
    await kv.set(['p', 'a', 'deep'], 2);
    await kv.set(['p', 'ab'], 3);
    await kv.set(['p', 'a"b'], 4);
    await kv.set(['pq'], 5);
    await kv.set(['p'], 6);
    expect((await listed(['p', 'a'])).map((e) => e.key.join('/')).sort()).toEqual(['p/a', 'p/a/deep']);
    expect((await listed(['p'])).map((e) => e.value).sort()).toEqual([1, 2, 3, 4, 6]);
    expect((await listed()).length).toBeGreaterThanOrEqual(6);
  });

  it('lists more entries than one page holds', async () => {
    for (let i = 0; i < 1100; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, (_, j) => kv.set(['many', String(i + j).padStart(5, '0')], i + j)),
      );
    const all = await listed(['many']);
    expect(all).toHaveLength(1100);
    expect(all.map((e) => e.value)).toEqual(Array.from({ length: 1100 }, (_, i) => i));
  });

  it("reads through memory: its own writes seen at once, another instance's after cacheMaxAgeMs, nothing past its TTL", async () => {
    const cached = new StoreKvStore(store, { now: () => clock.now, cacheMaxAgeMs: 10_000 });
    const elsewhere = new StoreKvStore(store, { now: () => clock.now, cacheEntries: 0 });
    await cached.set(['mem', 'a'], 1, { ttl: ttl({ hours: 1 }) });
    expect(await cached.get(['mem', 'a'])).toBe(1);
    // Another instance's write: this one answers from memory until its copy is 10 s old.
    await elsewhere.set(['mem', 'a'], 2, { ttl: ttl({ hours: 1 }) });
    expect(await cached.get(['mem', 'a'])).toBe(1);
    clock.now += 10_000;
    expect(await cached.get(['mem', 'a'])).toBe(2);
    // Its own set, delete and compare-and-swap are seen at once.
    await cached.set(['mem', 'a'], 3);
    expect(await cached.get(['mem', 'a'])).toBe(3);
    expect(await cached.cas(['mem', 'a'], 3, 4)).toBe(true);
    expect(await cached.get(['mem', 'a'])).toBe(4);
    await cached.delete(['mem', 'a']);
    expect(await cached.get(['mem', 'a'])).toBeUndefined();
    // A copy never outlives the entry's own TTL.
    await elsewhere.set(['mem', 'b'], 'x', { ttl: ttl({ seconds: 5 }) });
    expect(await cached.get(['mem', 'b'])).toBe('x');
    clock.now += 5_000;
    expect(await cached.get(['mem', 'b'])).toBeUndefined();
  });

  it('keeps entries across a reopened store (another instance, or a restart)', async () => {
    await kv.set(['durable'], { kept: true });
    const other = await openStore((await testConfig(db)).database);
    try {
      expect(await new StoreKvStore(other).get(['durable'])).toEqual({ kept: true });
    } finally {
      await other.close();
    }
  });
});
