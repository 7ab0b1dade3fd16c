import { afterEach, describe, expect, it } from 'vitest';
import { room, waitUntil } from './live-helpers';
import { Api, registerUser } from './support/client';
import { countRows } from './support/db';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './support/test-server';

const T0 = Date.parse('2027-03-01T12:00:00Z');
const MIN = 60_000;

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
  const s = await startTestServer({ database, now: () => clock.now, env: { JOBS_POLL_MS: '50' } });
  cleanup.push(() => s.close());
  return s;
}

/** A host's chat with a session at T0+30min…T0+90min and an agenda: Q1 at +5, Q2 at +15, Q3 by Next. */
async function setUp(server: TestServer) {
  const host = await registerUser(server.url);
  const hashtag = `restart${Math.random().toString(36).slice(2, 8)}`;
  const chat = (await host.api.post('/api/v1/chats', { hashtag, title: 'Restart', time_zone: 'UTC' })).body;
  const session = (
    await host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
      starts_at: '2027-03-01T12:30:00Z',
      ends_at: '2027-03-01T13:30:00Z',
    })
  ).body;
  const ids: string[] = [];
  for (const [text, offset] of [
    ['First', 5],
    ['Second', 15],
    ['Third', null],
  ] as const) {
    const q = await host.api.post(`/api/v1/sessions/${session.id}/questions`, {
      text,
      offset_minutes: offset,
    });
    expect(q.status).toBe(200);
    ids.push(q.body.id);
  }
  return { host, sessionId: session.id as string, ids };
}

const states = async (api: Api, sessionId: string) =>
  (await api.get(`/api/v1/sessions/${sessionId}/questions`)).body.map((q: { state: string }) => q.state);

describe('scheduled questions', () => {
  it('publishes a question that fell due while the server was down exactly once when it is back, and the next on time', async () => {
    const database = await sharedDatabase();
    const clock = { now: T0 };
    const first = await serverOn(database, clock);
    const { host, sessionId, ids } = await setUp(first);
    expect(await states(host.api, sessionId)).toEqual(['scheduled', 'scheduled', 'draft']);
    await first.close();

    // Down over the start and Q1's time (+5): back at +10.
    clock.now = T0 + 40 * MIN;
    const second = await serverOn(database, clock);
    const api = new Api(second.url, host.token);
    await waitUntil(async () => (await states(api, sessionId))[0] === 'published');
    await second.ctx.scheduler!.afterPolls();
    const list = (await api.get(`/api/v1/sessions/${sessionId}/questions`)).body;
    expect(list.map((q: { state: string }) => q.state)).toEqual(['published', 'scheduled', 'draft']);
    expect(list[0].status.account.id).toBe(host.id);
    expect(list[0].status.content).toContain('Q1 First');
    expect(list[0].status.chat).toMatchObject({ kind: 'question', question_number: 1 });
    const statuses = await countRows(second, 'statuses');
    expect(statuses).toBe(1);

    // Q2 at +15, while running.
    clock.now = T0 + 46 * MIN;
    await waitUntil(async () => (await states(api, sessionId))[1] === 'published');
    await second.close();

    // Another restart publishes nothing again.
    const third = await serverOn(database, clock);
    await third.ctx.scheduler!.afterPolls();
    expect(await countRows(third, 'statuses')).toBe(2);
    const questions = (await room(new Api(third.url), sessionId)).filter((s) => s.chat.kind === 'question');
    expect(questions.map((s) => s.chat.question_number)).toEqual([2, 1]);
    expect(await states(new Api(third.url, host.token), sessionId)).toEqual([
      'published',
      'published',
      'draft',
    ]);
    // Q3 goes by Next (a minute later: a Next right after a publication is taken for a double click).
    clock.now = T0 + 47 * MIN;
    const next = await new Api(third.url, host.token).post(`/api/v1/sessions/${sessionId}/next`);
    expect(next.body).toMatchObject({ id: ids[2], question_number: 3, state: 'published' });
  });

  it('moves timed questions to the actual start when a host starts the session early', async () => {
    const database = await sharedDatabase();
    const clock = { now: T0 };
    const server = await serverOn(database, clock);
    const { host, sessionId } = await setUp(server);
    // Started 30 minutes early: Q1 (+5) is due at T0+5.
    expect((await host.api.post(`/api/v1/sessions/${sessionId}/start`)).status).toBe(200);
    await server.ctx.scheduler!.afterPolls();
    expect((await states(host.api, sessionId))[0]).toBe('scheduled');
    const q1 = (await host.api.get(`/api/v1/sessions/${sessionId}/questions`)).body[0];
    expect(q1.publish_at).toBe(new Date(T0 + 5 * MIN).toISOString());
    clock.now = T0 + 5 * MIN;
    await waitUntil(async () => (await states(host.api, sessionId))[0] === 'published');
    expect(await countRows(server, 'statuses')).toBe(1);
  });
});
