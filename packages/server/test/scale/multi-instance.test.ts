import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from '../support/client';
import { buildServer, type Instance, startInstance } from './support/instances';
import { createPgDatabase, type PgDatabase } from './support/pg';
import { startRedis, stopRedis } from './support/redis';
import { type ReceivedEvent, ResumingSse } from './support/resuming-sse';

// Three server processes (the bundle `npm start` runs) behind "one address": one fresh
// PostgreSQL database and one Redis shared. Readers on one instance, writers on another.
const REDIS_URL = process.env.HASHCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379';
let db: PgDatabase;
let A: Instance;
let B: Instance;
let C: Instance;
const extra: Instance[] = [];
let author: { api: Api };

const env = () => ({ DATABASE_URL: db.url, REDIS_URL, DATABASE_POOL_SIZE: '5', JOBS_POLL_MS: '100' });

beforeAll(async () => {
  await startRedis();
  await buildServer();
  db = await createPgDatabase('hashchat_multi');
  // Started together, as in a rolling deploy: migrations take a lock, so one runs them.
  [A, B, C] = await Promise.all(['A', 'B', 'C'].map((n) => startInstance(n, env())));
  author = await registerUser(A.url);
}, 120_000);

afterAll(async () => {
  await startRedis();
  await Promise.all([A, B, C, ...extra].filter(Boolean).map((i) => i.stop()));
  await db?.drop();
});

const post = (i: number, tag: string) =>
  author.api.post('/api/v1/statuses', { status: `status ${i} #${tag}` });
const statusId = (e: ReceivedEvent) => JSON.parse(e.data).id as string;
const updates = (events: ReceivedEvent[]) => events.filter((e) => e.event === 'update');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Every posted status exactly once, in posting (= id) order, with increasing event ids. */
function expectComplete(events: ReceivedEvent[], posted: string[]) {
  const got = updates(events);
  expect(got.map(statusId)).toEqual(posted);
  const ids = got.map((e) => e.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
}

describe('three instances, one database, one Redis', () => {
  it('a status posted on A reaches subscribers on B and C (fan-out latency over 200 statuses)', async () => {
    const readers = [
      new ResumingSse([B.url], '/api/v1/streaming/hashtag?tag=fanout'),
      new ResumingSse([C.url], '/api/v1/streaming/hashtag?tag=fanout'),
    ];
    await Promise.all(readers.map((r) => r.open()));
    const first = (await post(0, 'fanout')).body.id;
    for (const r of readers)
      expect(statusId((await r.waitFor((e) => updates(e).length >= 1))[0])).toBe(first);

    const sentAt = new Map<string, number>();
    const posted = [first];
    for (let i = 1; i <= 200; i++) {
      const t0 = performance.timeOrigin + performance.now();
      const res = await post(i, 'fanout');
      expect(res.status).toBe(200);
      sentAt.set(res.body.id, t0);
      posted.push(res.body.id);
    }
    const latencies: number[] = [];
    for (const r of readers) {
      // The stream is in order: once the last status is in, everything before it (or doubled) is too.
      const events = await r.waitFor((e) => updates(e).some((x) => statusId(x) === posted.at(-1)), 20_000);
      expectComplete(events, posted);
      for (const e of updates(events).slice(1)) latencies.push(e.at - sentAt.get(statusId(e))!);
      r.close();
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `[scale] post on A → delivered on B and C: median ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (${latencies.length} deliveries)`,
    );
  });

  it('a logged-out room page kept on C shows a status posted on A, and a renamed session, once the event reached C', async () => {
    const host = await registerUser(A.url);
    const hashtag = `hot${Math.random().toString(36).slice(2, 8)}`;
    const chat = await host.api.post('/api/v1/chats', { hashtag, title: 'Hot pages', time_zone: 'UTC' });
    const now = Date.now();
    const session = await host.api.post(`/api/v1/chats/${chat.body.id}/sessions`, {
      starts_at: new Date(now + 60_000).toISOString(),
      ends_at: new Date(now + 3_600_000).toISOString(),
    });
    const sessionId = session.body.id as string;
    expect((await host.api.post(`/api/v1/sessions/${sessionId}/start`)).status).toBe(200);
    const anonC = new Api(C.url);
    const roomOnC = async () =>
      (await anonC.get(`/api/v1/sessions/${sessionId}/room?limit=40`)).body as { id: string }[];
    const liveOnC = async () =>
      (await anonC.get(`/api/v1/sessions/${sessionId}/live`)).body as { session: { title: string } };
    expect(await roomOnC()).toEqual([]);
    expect((await liveOnC()).session.title).toBe('Hot pages');

    const reader = new ResumingSse([C.url], `/api/v1/streaming/chat?session_id=${sessionId}`);
    await reader.open();
    const posted = await host.api.post('/api/v1/statuses', { status: `first #${hashtag}` });
    await reader.waitFor((e) =>
      e.some((x) => x.event === 'update' && JSON.parse(x.data).id === posted.body.id),
    );
    expect((await roomOnC()).map((s) => s.id)).toEqual([posted.body.id]);

    expect((await host.api.patch(`/api/v1/sessions/${sessionId}`, { title: 'Renamed on A' })).status).toBe(
      200,
    );
    await reader.waitFor((e) =>
      e.some((x) => x.event === 'chat.session' && JSON.parse(x.data).title === 'Renamed on A'),
    );
    expect((await liveOnC()).session.title).toBe('Renamed on A');
    reader.close();
  });

  it('a client whose instance is killed mid-stream resumes on another with Last-Event-ID and misses nothing', async () => {
    const reader = new ResumingSse([B.url, C.url], '/api/v1/streaming/hashtag?tag=failover');
    await reader.open();
    const posted: string[] = [];
    let killedAt = 0;
    for (let i = 0; i < 120; i++) {
      if (i === 40) {
        await reader.waitFor((e) => updates(e).length >= 30);
        killedAt = Date.now();
        await B.kill();
      }
      posted.push((await post(i, 'failover')).body.id);
      await sleep(10);
    }
    const events = await reader.waitFor((e) => updates(e).some((x) => statusId(x) === posted.at(-1)), 20_000);
    expectComplete(events, posted);
    expect(reader.drops).toHaveLength(1);
    const [drop] = reader.drops;
    expect(drop.via).toBe(C.url);
    expect(events.filter((e) => e.via === B.url).length).toBeGreaterThanOrEqual(30);
    const firstOnC = events.find((e) => e.via === C.url)!;
    console.log(
      `[scale] instance killed → client noticed in ${drop.endedAt - killedAt} ms, reconnected to C in ${drop.reopenedAt! - killedAt} ms, first missed status on C after ${firstOnC.at - killedAt} ms`,
    );
    reader.close();
    B = await startInstance('B2', env());
  });

  it('Redis restarts mid-run: statuses posted meanwhile still reach every resuming client, once, in order', async () => {
    const readers = [A, B, C].map((i) => new ResumingSse([i.url], '/api/v1/streaming/hashtag?tag=outage'));
    await Promise.all(readers.map((r) => r.open()));
    const posted: string[] = [];
    for (let i = 0; i < 10; i++) posted.push((await post(i, 'outage')).body.id);
    for (const r of readers) await r.waitFor((e) => updates(e).length >= 10);
    let restartedAt = 0;
    try {
      await stopRedis();
      const writer = (await registerUser(C.url)).api;
      for (let i = 10; i < 20; i++) {
        const res = await writer.post('/api/v1/statuses', { status: `during the outage ${i} #outage` });
        expect(res.status).toBe(200); // the write commits; only the fan-out waits
        posted.push(res.body.id);
      }
    } finally {
      await startRedis();
      restartedAt = Date.now();
    }
    const caughtUp = await Promise.all(
      readers.map((r) =>
        r.waitFor((e) => updates(e).length >= 20, 15_000).then(() => Date.now() - restartedAt),
      ),
    );
    for (let i = 20; i < 30; i++) posted.push((await post(i, 'outage')).body.id);
    for (const r of readers) {
      const events = await r.waitFor((e) => updates(e).some((x) => statusId(x) === posted.at(-1)), 15_000);
      expectComplete(events, posted);
      expect(r.drops).toHaveLength(0); // the stream itself never broke
      r.close();
    }
    console.log(
      `[scale] Redis restarted → every reader had the statuses posted while it was down after ${Math.max(...caughtUp)} ms`,
    );
  });

  it('jobs due while three instances race for them each run once', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const runAt = Date.now() + 1500;
      // `session.live_reminders` for a session that is not live is a no-op that completes.
      for (let i = 0; i < 60; i++) {
        await client.query(
          `INSERT INTO jobs (kind, run_at, payload, dedupe_key, state, attempts, created_at) VALUES ('session.live_reminders', $1, $2, $3, 'pending', 0, $4)`,
          [runAt, JSON.stringify({ session_id: 900_000 + i }), `race-${i}`, Date.now()],
        );
      }
      const deadline = Date.now() + 20_000;
      let rows: { state: string; attempts: number }[] = [];
      while (Date.now() < deadline) {
        rows = (await client.query(`SELECT state, attempts FROM jobs WHERE dedupe_key LIKE 'race-%'`)).rows;
        if (rows.every((r) => r.state === 'done')) break;
        await sleep(200);
      }
      expect(rows).toHaveLength(60);
      expect(rows.map((r) => [r.state, Number(r.attempts)])).toEqual(rows.map(() => ['done', 1]));
    } finally {
      await client.end();
    }
  });

  it('no instance logged an error', () => {
    for (const i of [A, B, C]) expect(i.output()).not.toMatch(/"level":(50|60)/);
  });
});
