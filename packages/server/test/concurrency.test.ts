import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import {
  backend,
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './support/test-server';

// Concurrent writers on one database. On the scale back end these are two instances sharing
// PostgreSQL and Redis; embedded, one instance (a single SQLite file has a single process).
let db: TestDatabase;
let servers: TestServer[];

beforeAll(async () => {
  db = await createTestDatabase();
  const count = backend === 'scale' ? 2 : 1;
  servers = [];
  for (let i = 0; i < count; i++) servers.push(await startTestServer({ database: db }));
});
afterAll(async () => {
  for (const s of servers ?? []) await s.close();
  await db?.drop();
});

const at = (i: number) => servers[i % servers.length];

describe('concurrent writers', () => {
  it('a reader gets every status once, in increasing id order, whichever instance took it', async () => {
    const users = await Promise.all(servers.map((s) => registerUser(s.url)));
    const reader = new SseClient(`${at(1).url}/api/v1/streaming/hashtag?tag=crowd`);
    await reader.opened;
    await reader.live;
    const posted = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        users[i % users.length].api.post('/api/v1/statuses', { status: `voice ${i} #crowd` }),
      ),
    );
    expect(posted.map((p) => p.status)).toEqual(posted.map(() => 200));
    await reader.waitFor((e) => e.length >= 40, 10_000);
    // One more post marks the end: a doubled or late event would come before it.
    const marker = await users[0].api.post('/api/v1/statuses', { status: 'the end #crowd' });
    const withMarker = await reader.waitFor((e) => e.some((x) => JSON.parse(x.data).id === marker.body.id));
    const events = withMarker.slice(0, -1);
    expect(JSON.parse(withMarker[withMarker.length - 1].data).id).toBe(marker.body.id);
    const eventIds = events.map((e) => Number(e.id));
    expect(eventIds).toHaveLength(40);
    expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
    expect(new Set(eventIds).size).toBe(40);
    const statusIds = events.map((e) => JSON.parse(e.data).id).sort();
    expect(statusIds).toEqual(posted.map((p) => p.body.id).sort());
    reader.close();

    // Commit order is id order: resuming from the 20th event gives exactly the 20 after it.
    const resumed = new SseClient(`${at(0).url}/api/v1/streaming/hashtag?tag=crowd`, {
      'last-event-id': String(eventIds[19]),
    });
    await resumed.opened;
    const again = await resumed.waitFor((e) => e.length >= 21);
    expect(again.map((e) => Number(e.id))).toEqual([...eventIds.slice(20), Number(withMarker[40].id)]);
    resumed.close();
  });

  it('one Idempotency-Key sent to every instance at once makes one status', async () => {
    const u = await registerUser(at(0).url);
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        new Api(at(i).url, u.token).post(
          '/api/v1/statuses',
          { status: 'only once' },
          { 'idempotency-key': 'race-1' },
        ),
      ),
    );
    expect(tries.map((t) => t.status)).toEqual(tries.map(() => 200));
    expect(new Set(tries.map((t) => t.body.id)).size).toBe(1);
    expect((await new Api(at(1).url).get(`/api/v1/accounts/${u.id}`)).body.statuses_count).toBe(1);
  });

  it('favouriting at once on every instance counts once and notifies once', async () => {
    const author = await registerUser(at(0).url);
    const fan = await registerUser(at(1).url);
    const s = (await author.api.post('/api/v1/statuses', { status: 'like me' })).body;
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        new Api(at(i).url, fan.token).post(`/api/v1/statuses/${s.id}/favourite`),
      ),
    );
    expect(tries.map((t) => t.status)).toEqual(tries.map(() => 200));
    const after = (await new Api(at(1).url, author.token).get(`/api/v1/statuses/${s.id}`)).body;
    expect(after.favourites_count).toBe(1);
    const notes = (await author.api.get('/api/v1/notifications?types[]=favourite')).body;
    expect(notes).toHaveLength(1);
  });
});

describe('rate limits', () => {
  let limited: TestServer[];
  beforeAll(async () => {
    limited = [];
    for (let i = 0; i < servers.length; i++) {
      limited.push(
        await startTestServer({
          database: db,
          env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_SECONDS: '60' },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const s of limited ?? []) await s.close();
  });

  it('one account has one limit, whichever instance it reaches', async () => {
    const u = await registerUser(limited[0].url);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push(
        (await new Api(limited[i % limited.length].url, u.token).get('/api/v1/accounts/verify_credentials'))
          .status,
      );
    // registerUser already spent one request as this account (verify_credentials).
    expect(codes).toEqual([200, 200, 200, 200, 429, 429, 429]);
  });
});
