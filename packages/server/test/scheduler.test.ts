import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { Scheduler } from '../src/jobs/scheduler';
import { claimJobs } from '../src/store/jobs';
import { openStore, type Store } from '../src/store/open-store';
import { Api, registerUser } from './support/client';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
  testConfig,
} from './support/test-server';

const T0 = Date.parse('2027-03-01T12:00:00Z');
const MIN = 60_000;
const FAST = { JOBS_POLL_MS: '50' };

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function sharedDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}

async function serverOn(database: TestDatabase, clock: { now: number }): Promise<TestServer> {
  const s = await startTestServer({ database, now: () => clock.now, env: FAST });
  cleanup.push(() => s.close());
  return s;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 40));
  }
}
/** Waits until each server's job runner has polled twice, so every job due now has run. */
const polled = (...servers: TestServer[]) => Promise.all(servers.map((s) => s.ctx.scheduler!.afterPolls()));

/** `chat.session` events of a session that say it went live. */
async function liveEvents(ctx: Context, sessionId: string): Promise<number> {
  const rows = await ctx.store.db
    .selectFrom('event_topics as t')
    .innerJoin('events as e', 'e.id', 't.event_id')
    .select('e.payload')
    .where('t.topic', '=', `session:${sessionId}`)
    .where('e.event', '=', 'chat.session')
    .execute();
  return rows.filter((r) => JSON.parse(r.payload).state === 'live').length;
}

async function reminders(api: Api) {
  const res = await api.get('/api/v1/notifications?types[]=chat_reminder');
  expect(res.status).toBe(200);
  return res.body as {
    type: string;
    status?: unknown;
    reminder: string;
    chat_session: { id: string; state: string };
  }[];
}

/** A host, a follower and a chat with one session at T0+30min…T0+90min (UTC). */
async function setUp(server: TestServer) {
  const host = await registerUser(server.url);
  const follower = await registerUser(server.url);
  const chat = (
    await host.api.post('/api/v1/chats', {
      hashtag: `restart${Math.random().toString(36).slice(2, 8)}`,
      title: 'Restart chat',
      time_zone: 'UTC',
      schedule: { starts_at: '2027-03-01T12:30', duration_minutes: 60 },
    })
  ).body;
  expect(chat.next_session.state).toBe('scheduled');
  await follower.api.post(`/api/v1/chats/${chat.id}/follow`);
  return { host, follower, chat, sessionId: chat.next_session.id as string };
}

describe('sessions go live through the persistent scheduler', () => {
  it('runs a start that fell due while the server was down exactly once after a restart, reminding once', async () => {
    const database = await sharedDatabase();
    const clock = { now: T0 };
    const first = await serverOn(database, clock);
    const { follower, sessionId } = await setUp(first);
    await first.close();

    // Down over the start: back 10 minutes into the session.
    clock.now = T0 + 40 * MIN;
    const second = await serverOn(database, clock);
    const api = new Api(second.url, follower.token);
    await waitFor(async () => (await api.get(`/api/v1/sessions/${sessionId}`)).body.state === 'live');
    await waitFor(async () => (await reminders(api)).length > 0);
    await polled(second);
    const got = await reminders(api);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      type: 'chat_reminder',
      reminder: 'live',
      chat_session: { id: sessionId, state: 'live' },
    });
    expect(got[0]).not.toHaveProperty('status');
    expect(await liveEvents(second.ctx, sessionId)).toBe(1);
    await second.close();

    // Another restart changes nothing…
    const third = await serverOn(database, clock);
    await polled(third);
    expect(await reminders(new Api(third.url, follower.token))).toHaveLength(1);
    expect(await liveEvents(third.ctx, sessionId)).toBe(1);
    // …and the session still ends on its own.
    clock.now = T0 + 91 * MIN;
    await waitFor(
      async () => (await new Api(third.url).get(`/api/v1/sessions/${sessionId}`)).body.state === 'ended',
    );
  });

  it('two servers on one database make a session live once', async () => {
    const database = await sharedDatabase();
    const clock = { now: T0 };
    const a = await serverOn(database, clock);
    const { follower, sessionId } = await setUp(a);
    const b = await serverOn(database, clock);
    clock.now = T0 + 31 * MIN;
    await waitFor(
      async () => (await new Api(b.url).get(`/api/v1/sessions/${sessionId}`)).body.state === 'live',
    );
    await waitFor(async () =>
      (await reminders(new Api(a.url, follower.token))).some((n) => n.reminder === 'live'),
    );
    await polled(a, b);
    expect(await liveEvents(a.ctx, sessionId)).toBe(1);
    expect(
      (await reminders(new Api(a.url, follower.token))).filter((n) => n.reminder === 'live'),
    ).toHaveLength(1);
  });

  it('reminds each follower at their own lead time, then when live, once each', async () => {
    const database = await sharedDatabase();
    const clock = { now: T0 };
    const server = await serverOn(database, clock);
    const { host, follower, chat, sessionId } = await setUp(server);
    const early = await registerUser(server.url);
    const quiet = await registerUser(server.url);
    for (const u of [early, quiet]) await u.api.post(`/api/v1/chats/${chat.id}/follow`);
    expect((await early.api.patch('/api/v1/chats/preferences', { reminder_minutes: 25 })).body).toEqual({
      reminder_minutes: 25,
    });
    expect((await quiet.api.patch('/api/v1/chats/preferences', { reminder_minutes: 0 })).body).toEqual({
      reminder_minutes: 0,
    });
    expect((await follower.api.get('/api/v1/chats/preferences')).body).toEqual({ reminder_minutes: 15 });
    expect((await early.api.patch('/api/v1/chats/preferences', { reminder_minutes: 5000 })).status).toBe(422);
    const kinds = async (u: { api: Api }) => (await reminders(u.api)).map((n) => n.reminder).sort();

    // 6 minutes in: 24 minutes before the start, only the 25-minute follower is due.
    const stream = new (await import('./support/sse')).SseClient(
      `${server.url}/api/v1/streaming/user/notification?access_token=${early.token}`,
    );
    await stream.opened;
    clock.now = T0 + 6 * MIN;
    await waitFor(async () => (await kinds(early)).length === 1);
    const pushed = await stream.waitFor((e) => e.some((x) => x.event === 'notification'));
    expect(JSON.parse(pushed.find((x) => x.event === 'notification')!.data)).toMatchObject({
      type: 'chat_reminder',
      reminder: 'soon',
      chat_session: { id: sessionId },
    });
    stream.close();
    expect(await kinds(follower)).toEqual([]);

    clock.now = T0 + 16 * MIN;
    await waitFor(async () => (await kinds(follower)).length === 1);
    clock.now = T0 + 30 * MIN;
    await waitFor(async () => (await kinds(quiet)).length === 1);
    await polled(server);
    expect(await kinds(early)).toEqual(['live', 'soon']);
    expect(await kinds(follower)).toEqual(['live', 'soon']);
    expect(await kinds(quiet)).toEqual(['live']);
    // The host is not a follower and gets nothing.
    expect(await kinds(host)).toEqual([]);
  });
});

describe('the job table', () => {
  async function twoStores(): Promise<[Store, Store]> {
    const database = await sharedDatabase();
    const config = await testConfig(database);
    const a = await openStore(config.database);
    const b = await openStore(config.database);
    cleanup.push(async () => {
      await a.close();
      await b.close();
    });
    return [a, b];
  }

  it('two schedulers racing on one database run each job once', async () => {
    const [a, b] = await twoStores();
    const now = () => T0;
    await a.db
      .insertInto('jobs')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          kind: 'tally',
          run_at: T0 - i,
          payload: JSON.stringify({ n: i }),
          dedupe_key: `tally:${i}`,
          state: 'pending' as const,
          attempts: 0,
          created_at: T0,
        })),
      )
      .execute();
    const ran: Record<string, number[]> = { a: [], b: [] };
    const make = (name: 'a' | 'b', store: Store) =>
      new Scheduler({
        db: store.db,
        dialect: store.dialect,
        now,
        owner: name,
        pollMs: 50,
        batchSize: 7,
        log: { warn() {}, error() {} },
        handlers: {
          tally: async (_job, payload) => {
            ran[name].push(Number(payload.n));
            await new Promise((r) => setImmediate(r));
            return undefined;
          },
        },
      });
    const [ranA, ranB] = await Promise.all([make('a', a).runDue(), make('b', b).runDue()]);
    expect(ranA + ranB).toBe(120);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    const all = [...ran.a, ...ran.b].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 120 }, (_, i) => i));
    const states = await a.db.selectFrom('jobs').select('state').where('kind', '=', 'tally').execute();
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['done']));
  });

  it('takes over a job whose instance died once its lease expires', async () => {
    const [a, b] = await twoStores();
    await a.db
      .insertInto('jobs')
      .values({
        kind: 'x',
        run_at: T0,
        payload: '{}',
        dedupe_key: 'x',
        state: 'pending',
        attempts: 0,
        created_at: T0,
      })
      .execute();
    // "a" claims it and dies.
    expect(await claimJobs(a.db, a.dialect, 'a', T0, 1000, 10)).toHaveLength(1);
    expect(await claimJobs(b.db, b.dialect, 'b', T0 + 500, 1000, 10)).toHaveLength(0);
    const taken = await claimJobs(b.db, b.dialect, 'b', T0 + 1500, 1000, 10);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ locked_by: 'b', attempts: 2 });
  });

  it('retries a failing job with backoff and gives up after the last attempt', async () => {
    const [a] = await twoStores();
    let clock = T0;
    await a.db
      .insertInto('jobs')
      .values({
        kind: 'boom',
        run_at: T0,
        payload: '{}',
        dedupe_key: 'boom',
        state: 'pending',
        attempts: 0,
        created_at: T0,
      })
      .execute();
    let calls = 0;
    const s = new Scheduler({
      db: a.db,
      dialect: a.dialect,
      now: () => clock,
      owner: 'a',
      pollMs: 50,
      maxAttempts: 3,
      log: { warn() {}, error() {} },
      handlers: {
        boom: async () => {
          calls++;
          throw new Error('nope');
        },
      },
    });
    for (let i = 0; i < 5; i++) {
      await s.runDue();
      clock += 60_000;
    }
    expect(calls).toBe(3);
    expect(
      await a.db
        .selectFrom('jobs')
        .select(['state', 'last_error'])
        .where('dedupe_key', '=', 'boom')
        .executeTakeFirst(),
    ).toEqual({ state: 'failed', last_error: 'nope' });
  });
});
