import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFederation, generateCryptoKeyPair, type RetryPolicy } from '@fedify/fedify';
import { Create, Note } from '@fedify/vocab';
import { Temporal } from '@js-temporal/polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { durationMs } from '../src/federation/duration';
import { StoreKvStore } from '../src/federation/kv-store';
import { StoreMessageQueue } from '../src/federation/message-queue';
import { createDeliveryRecorder, GIVE_UP_AFTER_MS, outboxRetryPolicy } from '../src/federation/retry-policy';
import { createMetrics } from '../src/metrics';
import { openStore, type Store } from '../src/store/open-store';
import { createTestDatabase, testConfig } from './support/test-server';
import { waitFor } from './support/wait';

// Real Fedify sending real signed requests to inboxes on loopback, through our queue and
// key-value store, with the outcome recorder wired as fed-core's federation wires it.

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A remote server's inbox that answers every POST with `status` (and a body saying why). */
async function inbox(status: number): Promise<URL> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status >= 400 ? `nope\u0007 ${status}\n${'x'.repeat(2000)}` : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/inbox`);
}

async function setUp(retryPolicy: RetryPolicy = outboxRetryPolicy) {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  const store: Store = await openStore((await testConfig(db)).database);
  cleanup.push(() => store.close());
  const metrics = createMetrics();
  const recorder = createDeliveryRecorder({ db: store.db, now: Date.now, metrics });
  const queue = new StoreMessageQueue(store, { owner: 'test', onHandled: recorder.onHandled, pollMs: 200 });
  cleanup.push(() => queue.close());
  const federation = createFederation<void>({
    kv: new StoreKvStore(store),
    queue,
    outboxRetryPolicy: retryPolicy,
    onOutboxError: recorder.onOutboxError,
    allowPrivateAddress: true,
  });
  federation.setOutboxPermanentFailureHandler(recorder.onOutboxPermanentFailure);
  const abort = new AbortController();
  const running = federation.startQueue(undefined, { signal: abort.signal });
  cleanup.push(async () => {
    abort.abort();
    await running;
  });
  const { privateKey } = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
  const origin = 'http://localhost';
  const send = async (inboxes: URL[]) => {
    const ctx = federation.createContext(new URL(origin), undefined);
    const activity = new Create({
      id: new URL(`${origin}/activities/${Math.random().toString(36).slice(2)}`),
      actor: new URL(`${origin}/users/host`),
      object: new Note({ id: new URL(`${origin}/statuses/1`), content: 'Q1 What brings you here? #fedchat' }),
    });
    await ctx.sendActivity(
      { privateKey, keyId: new URL(`${origin}/users/host#main-key`) },
      inboxes.map((inboxId, i) => ({ id: new URL(`${inboxId.origin}/users/r${i}`), inboxId })),
      activity,
      { fanout: 'skip' },
    );
  };
  const stats = (url: URL) =>
    store.db.selectFrom('federation_deliveries').selectAll().where('host', '=', url.host).executeTakeFirst();
  return { store, queue, metrics, send, stats };
}

describe('delivery outcomes per remote server', () => {
  it('records a delivery, a failure to retry and a permanent refusal, with counters', async () => {
    const [ok, down, gone] = [await inbox(202), await inbox(503), await inbox(410)];
    const t = await setUp();
    await t.send([ok, down, gone]);
    const [okRow, downRow, goneRow] = await waitFor(
      async () => {
        const rows = await Promise.all([t.stats(ok), t.stats(down), t.stats(gone)]);
        return rows.every(Boolean) && rows;
      },
      { timeoutMs: 15_000, what: 'the three outcomes' },
    );
    expect(okRow).toMatchObject({ attempts: 1, failures: 0, given_up: 0, last_error: null });
    expect(okRow!.last_success_at).not.toBeNull();
    expect(downRow).toMatchObject({ attempts: 1, failures: 1, consecutive_failures: 1, given_up: 0 });
    expect(downRow!.last_error).toMatch(/^HTTP 503: nope 503 x+…$/);
    // Length-limited, and the control character the server sent is gone.
    expect(downRow!.last_error!.length).toBeLessThanOrEqual(300);
    expect(downRow!.last_error).not.toContain('\u0007');
    expect(downRow!.last_success_at).toBeNull();
    expect(goneRow).toMatchObject({ attempts: 1, failures: 1, given_up: 1 });
    expect(goneRow!.last_error).toMatch(/^HTTP 410/);

    // The 503 is retried later (at least a minute on), the 410 is not.
    const depth = await t.queue.getDepth();
    expect(depth).toMatchObject({ ready: 0, delayed: 1 });
    const retry = await t.store.db
      .selectFrom('federation_queue')
      .select(['host', 'run_at'])
      .executeTakeFirstOrThrow();
    expect(retry.host).toBe(down.host);
    expect(Number(retry.run_at) - Date.now()).toBeGreaterThan(30_000);

    const counts = Object.fromEntries(
      (await t.metrics.federationDeliveries.get()).values.map((v) => [v.labels.outcome, v.value]),
    );
    expect(counts).toEqual({ delivered: 1, failed: 2 });
    expect((await t.metrics.federationGivenUp.get()).values[0].value).toBe(1);
  });

  it('records a delivery given up once the retry policy runs out', async () => {
    const down = await inbox(500);
    const t = await setUp(() => null);
    await t.send([down]);
    const row = await waitFor(() => t.stats(down), { timeoutMs: 15_000, what: 'the outcome' });
    expect(row).toMatchObject({ attempts: 1, failures: 1, given_up: 1 });
    expect(await t.queue.getDepth()).toMatchObject({ queued: 0 });
  });
});

describe('outbox retry policy', () => {
  const at = (elapsed: { hours?: number; days?: number }, attempts: number) =>
    outboxRetryPolicy({
      elapsedTime: Temporal.Duration.from(elapsed) as never,
      attempts,
    });

  it('backs off from about a minute to at most twelve hours', () => {
    const first = durationMs(at({ hours: 0 }, 0)!);
    expect(first).toBeGreaterThan(30_000);
    expect(first).toBeLessThan(3 * 60_000);
    const late = durationMs(at({ hours: 40 }, 14)!);
    expect(late).toBeLessThanOrEqual(12 * 3_600_000 * 1.5);
    expect(late).toBeGreaterThan(3 * 3_600_000);
  });

  it('gives up after three days of retries', () => {
    expect(at({ hours: 71 }, 15)).not.toBeNull();
    expect(at({ days: 3 }, 15)).toBeNull();
    expect(GIVE_UP_AFTER_MS).toBe(3 * 24 * 3_600_000);
  });
});
