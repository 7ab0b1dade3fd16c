import type { MessageQueueEnqueueOptions } from '@fedify/fedify';
import { Temporal } from '@js-temporal/polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bus } from '../src/bus/bus';
import { MemoryBus } from '../src/bus/memory';
import { RedisBus } from '../src/bus/redis';
import { StoreMessageQueue, type StoreMessageQueueOptions } from '../src/federation/message-queue';
import { openStore, type Store } from '../src/store/open-store';
import { backend, createTestDatabase, type TestDatabase, testConfig } from './support/test-server';
import { waitFor } from './support/wait';

// Runs on SQLite with the in-process bus, and on PostgreSQL with Redis between the "instances"
// with HASHCHAT_TEST_BACKEND=scale (npm run test:scale). Each instance has its own connection.

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}

let sharedMemoryBus: MemoryBus | null = null;
function busFor(prefix: string): Bus {
  if (backend === 'scale') {
    const bus = new RedisBus(process.env.HASHCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379', prefix);
    cleanup.push(() => bus.close());
    return bus;
  }
  sharedMemoryBus ??= new MemoryBus();
  return sharedMemoryBus;
}

/** One "instance": its own database connection (and bus connection) on the shared database. */
async function instance(
  db: TestDatabase,
  name: string,
  opts: Partial<StoreMessageQueueOptions> = {},
): Promise<{ store: Store; queue: StoreMessageQueue }> {
  const store = await openStore((await testConfig(db)).database);
  const prefix = `hashchat:test:${db.env.DATABASE_URL.split('/').at(-1)}:`;
  const queue = new StoreMessageQueue(store, { owner: name, bus: busFor(prefix), pollMs: 5000, ...opts });
  cleanup.push(async () => {
    await queue.close();
    await store.close().catch(() => {});
  });
  return { store, queue };
}

const delay = (ms: number) =>
  ({ delay: Temporal.Duration.from({ milliseconds: ms }) }) as unknown as MessageQueueEnqueueOptions;

const outbox = (inbox: string, n: number) => ({ type: 'outbox', inbox, n });

describe('StoreMessageQueue', () => {
  it('hands a message to a listener at once and counts what waits', async () => {
    const db = await database();
    const { queue } = await instance(db, 'a');
    await queue.enqueueMany([{ n: 1 }, { n: 2 }]);
    await queue.enqueue({ n: 3 }, delay(60_000));
    expect(await queue.getDepth()).toEqual({ queued: 3, ready: 2, delayed: 1 });

    const got: number[] = [];
    const abort = new AbortController();
    const listening = queue.listen((m) => void got.push(m.n), { signal: abort.signal });
    // Polling is every 5 s here: a message found sooner came from the wake-up.
    await waitFor(() => got.length === 2, { timeoutMs: 2000, what: 'the ready messages' });
    const started = Date.now();
    await queue.enqueue({ n: 4 });
    await waitFor(() => got.includes(4), { timeoutMs: 2000, what: 'the new message' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(got.sort()).toEqual([1, 2, 4]);
    expect(await queue.getDepth()).toEqual({ queued: 1, ready: 0, delayed: 1 });
    abort.abort();
    await listening;
  });

  it('honours a delay', async () => {
    const db = await database();
    const { queue } = await instance(db, 'a');
    const handledAt: number[] = [];
    const abort = new AbortController();
    const listening = queue.listen(() => void handledAt.push(Date.now()), { signal: abort.signal });
    const enqueuedAt = Date.now();
    await queue.enqueue({ later: true }, delay(700));
    await waitFor(() => handledAt.length === 1, { timeoutMs: 3000, what: 'the delayed message' });
    expect(handledAt[0] - enqueuedAt).toBeGreaterThanOrEqual(690);
    expect(handledAt[0] - enqueuedAt).toBeLessThan(2000);
    abort.abort();
    await listening;
  });

  it('handles each message once with two instances listening', async () => {
    const db = await database();
    const a = await instance(db, 'a', { workers: 8 });
    const b = await instance(db, 'b', { workers: 8 });
    const seen = new Map<number, string[]>();
    const handler = (who: string) => async (m: { n: number }) => {
      seen.set(m.n, [...(seen.get(m.n) ?? []), who]);
      await new Promise((r) => setImmediate(r));
    };
    const abort = new AbortController();
    const listening = [
      a.queue.listen(handler('a'), { signal: abort.signal }),
      b.queue.listen(handler('b'), { signal: abort.signal }),
    ];
    const total = 300;
    for (let i = 0; i < total; i += 30) {
      const batch = Array.from({ length: 30 }, (_, j) => ({ n: i + j }));
      // Both instances enqueue, so both are woken by the other over the bus.
      await (i % 60 === 0 ? a : b).queue.enqueueMany(batch);
    }
    await waitFor(() => seen.size === total, { timeoutMs: 20_000, what: 'every message handled' });
    await waitFor(async () => (await a.queue.getDepth()).queued === 0, { what: 'an empty queue' });
    const twice = [...seen].filter(([, who]) => who.length !== 1);
    expect(twice).toEqual([]);
    const byA = [...seen.values()].filter((w) => w[0] === 'a').length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(total);
    abort.abort();
    await Promise.all(listening);
  });

  it('keeps messages across a restart, and retries one whose instance died mid-handling', async () => {
    const db = await database();
    const first = await instance(db, 'first', { leaseMs: 300 });
    await first.queue.enqueue({ n: 'in-hand' });
    // The first instance takes the message and dies before finishing it: its database
    // connection goes away, so its lease is no longer renewed.
    let release: () => void = () => {};
    const hanging = new Promise<void>((r) => {
      release = r;
    });
    cleanup.push(async () => release());
    let taken = false;
    void first.queue.listen(async () => {
      taken = true;
      await hanging;
    });
    await waitFor(() => taken, { what: 'the first instance to take the message' });
    await first.store.close();
    // Another message is enqueued while nothing listens, then every instance is restarted.
    const writer = await instance(db, 'writer');
    await writer.queue.enqueue({ n: 'kept' });
    await writer.queue.close();
    await writer.store.close();

    const second = await instance(db, 'second', { pollMs: 100 });
    const handled: string[] = [];
    const abort = new AbortController();
    const listening = second.queue.listen((m) => void handled.push(m.n), { signal: abort.signal });
    await waitFor(() => handled.length === 2, { timeoutMs: 5000, what: 'both messages' });
    expect(handled.sort()).toEqual(['in-hand', 'kept']);
    expect(await second.queue.getDepth()).toEqual({ queued: 0, ready: 0, delayed: 0 });
    abort.abort();
    await listening;
  });

  it('never lets a slow server hold the deliveries to the others', async () => {
    const db = await database();
    const { queue } = await instance(db, 'a', { workers: 4, perHost: 2 });
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const started: string[] = [];
    const abort = new AbortController();
    const listening = queue.listen(
      async (m: { inbox: string; n: number }) => {
        started.push(`${new URL(m.inbox).host}#${m.n}`);
        if (m.inbox.includes('slow.example')) await slow;
      },
      { signal: abort.signal },
    );
    await queue.enqueueMany(Array.from({ length: 20 }, (_, n) => outbox('https://slow.example/inbox', n)));
    await queue.enqueueMany(Array.from({ length: 6 }, (_, n) => outbox(`https://fast${n}.example/inbox`, n)));
    await waitFor(() => started.filter((s) => s.startsWith('fast')).length === 6, {
      timeoutMs: 5000,
      what: 'the other servers’ deliveries',
    });
    expect(started.filter((s) => s.startsWith('slow.example'))).toHaveLength(2);
    release();
    await waitFor(() => started.length === 26, { timeoutMs: 10_000, what: 'the slow server’s deliveries' });
    abort.abort();
    await listening;
  });

  it('runs messages with one ordering key one at a time, in order', async () => {
    const db = await database();
    const { queue } = await instance(db, 'a', { workers: 8 });
    const log: string[] = [];
    const abort = new AbortController();
    const listening = queue.listen(
      async (m: { n: number }) => {
        log.push(`start ${m.n}`);
        await new Promise((r) => setTimeout(r, 30));
        log.push(`end ${m.n}`);
      },
      { signal: abort.signal },
    );
    const key = { orderingKey: 'note-1\nhttps://remote.example' } as MessageQueueEnqueueOptions;
    for (const n of [1, 2, 3]) await queue.enqueue({ n }, key);
    await waitFor(() => log.length === 6, { timeoutMs: 5000, what: 'the ordered messages' });
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    abort.abort();
    await listening;
  });

  it('ends listen on abort, finishing the message in hand and taking no more', async () => {
    const db = await database();
    const { queue } = await instance(db, 'a', { pollMs: 50 });
    let release: () => void = () => {};
    const inHand = new Promise<void>((r) => {
      release = r;
    });
    const handled: number[] = [];
    const abort = new AbortController();
    let ended = false;
    const listening = queue
      .listen(
        async (m: { n: number }) => {
          if (m.n === 1) await inHand;
          handled.push(m.n);
        },
        { signal: abort.signal },
      )
      .then(() => {
        ended = true;
      });
    await queue.enqueue({ n: 1 });
    await waitFor(async () => (await queue.getDepth()).queued === 0, { what: 'the message to be taken' });
    abort.abort();
    await queue.enqueue({ n: 2 });
    await new Promise((r) => setTimeout(r, 200));
    expect(ended).toBe(false);
    release();
    await listening;
    expect(handled).toEqual([1]);
    expect(await queue.getDepth()).toEqual({ queued: 1, ready: 1, delayed: 0 });
  });
});
