import { afterEach, describe, expect, it } from 'vitest';
import { uniqueTag, waitUntil } from './live-helpers';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './support/test-server';

const T0 = Date.parse('2027-05-01T12:00:00Z');
const MIN = 60_000;
const at = (ms: number) => new Date(ms).toISOString();

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function sharedDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}

async function serverOn(database: TestDatabase | undefined, clock: { now: number }): Promise<TestServer> {
  const s = await startTestServer({ database, now: () => clock.now, env: { JOBS_POLL_MS: '50' } });
  cleanup.push(() => s.close());
  return s;
}

/** Waits until the server's job runner has polled twice, so every job due now has run. */
const polled = (s: TestServer) => s.ctx.scheduler!.afterPolls();

const put = (api: Api, path: string, body: unknown) => api.request('PUT', path, body);
const ownStatuses = async (api: Api, id: string) =>
  (await api.get(`/api/v1/accounts/${id}/statuses`)).body as { id: string; content: string }[];

describe('scheduled statuses', () => {
  it('answers a ScheduledStatus, publishes nothing before its time, then posts it once on the hashtag stream', async () => {
    const clock = { now: T0 };
    const server = await serverOn(undefined, clock);
    const user = await registerUser(server.url);
    const tag = uniqueTag('sched');
    const res = await user.api.post('/api/v1/statuses', {
      status: `later #${tag}`,
      scheduled_at: at(T0 + 10 * MIN),
      spoiler_text: 'cw',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scheduled_at: at(T0 + 10 * MIN),
      params: { text: `later #${tag}`, spoiler_text: 'cw', visibility: 'public', poll: null },
      media_attachments: [],
    });
    await polled(server);
    expect(await ownStatuses(user.api, user.id)).toEqual([]);

    const reader = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=${tag}`);
    cleanup.push(async () => reader.close());
    await reader.opened;
    clock.now = T0 + 11 * MIN;
    const events = await reader.waitFor((e) => e.some((x) => x.event === 'update'));
    const posted = JSON.parse(events.find((x) => x.event === 'update')!.data);
    expect(posted.content).toContain('later');
    expect(posted.spoiler_text).toBe('cw');
    expect(posted.account.id).toBe(user.id);
    expect((await ownStatuses(user.api, user.id)).map((s) => s.id)).toEqual([posted.id]);
    expect((await user.api.get(`/api/v1/scheduled_statuses/${res.body.id}`)).status).toBe(404);
    expect((await user.api.get('/api/v1/scheduled_statuses')).body).toEqual([]);
  });

  it.each([
    ['4 minutes ahead', T0 + 4 * MIN],
    ['in the past', T0 - MIN],
  ])('refuses a time %s with a 422, scheduling nothing', async (_name, when) => {
    const clock = { now: T0 };
    const server = await serverOn(undefined, clock);
    const user = await registerUser(server.url);
    const res = await user.api.post('/api/v1/statuses', { status: 'too soon', scheduled_at: at(when) });
    expect(res.status).toBe(422);
    expect(res.body.error).toContain('5 minutes');
    expect((await user.api.get('/api/v1/scheduled_statuses')).body).toEqual([]);
  });

  it('lists newest first with a Link header, moves one, cancels one; a cancelled one is never posted', async () => {
    const clock = { now: T0 };
    const server = await serverOn(undefined, clock);
    const user = await registerUser(server.url);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const r = await user.api.post('/api/v1/statuses', {
        status: `s${n}`,
        scheduled_at: at(T0 + (10 + n) * MIN),
      });
      ids.push(r.body.id);
    }
    const page = await user.api.get('/api/v1/scheduled_statuses?limit=2');
    expect(page.body.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    expect(page.headers.get('link')).toContain(`max_id=${ids[1]}`);
    const next = await user.api.get(`/api/v1/scheduled_statuses?limit=2&max_id=${ids[1]}`);
    expect(next.body.map((s: { id: string }) => s.id)).toEqual([ids[0]]);

    const moved = await put(user.api, `/api/v1/scheduled_statuses/${ids[0]}`, {
      scheduled_at: at(T0 + 60 * MIN),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.scheduled_at).toBe(at(T0 + 60 * MIN));
    const tooSoon = await put(user.api, `/api/v1/scheduled_statuses/${ids[0]}`, {
      scheduled_at: at(T0 + MIN),
    });
    expect(tooSoon.status).toBe(422);
    expect((await user.api.delete(`/api/v1/scheduled_statuses/${ids[1]}`)).status).toBe(200);
    expect((await user.api.get(`/api/v1/scheduled_statuses/${ids[1]}`)).status).toBe(404);

    // Past s2's and s3's times, before the moved s1's: only s3 is posted.
    clock.now = T0 + 20 * MIN;
    await waitUntil(async () => (await ownStatuses(user.api, user.id)).length === 1);
    await polled(server);
    expect((await ownStatuses(user.api, user.id)).map((s) => s.content)).toEqual(['<p>s3</p>']);
    clock.now = T0 + 61 * MIN;
    await waitUntil(async () => (await ownStatuses(user.api, user.id)).length === 2);
    expect((await ownStatuses(user.api, user.id)).map((s) => s.content)).toEqual(['<p>s1</p>', '<p>s3</p>']);
  });

  it("is the owner's alone: another user gets 404 on reading, moving and cancelling it, and does not list it", async () => {
    const clock = { now: T0 };
    const server = await serverOn(undefined, clock);
    const owner = await registerUser(server.url);
    const other = await registerUser(server.url);
    const s = await owner.api.post('/api/v1/statuses', { status: 'mine', scheduled_at: at(T0 + 30 * MIN) });
    const path = `/api/v1/scheduled_statuses/${s.body.id}`;
    expect((await other.api.get(path)).status).toBe(404);
    expect((await put(other.api, path, { scheduled_at: at(T0 + 40 * MIN) })).status).toBe(404);
    expect((await other.api.delete(path)).status).toBe(404);
    expect((await other.api.get('/api/v1/scheduled_statuses')).body).toEqual([]);
    expect((await new Api(server.url).get('/api/v1/scheduled_statuses')).status).toBe(401);
    const still = await owner.api.get(path);
    expect(still.body.scheduled_at).toBe(at(T0 + 30 * MIN));
  });

  it('is posted exactly once after a restart across its time, and not again after another', async () => {
    const database = await sharedDatabase();
    const clock = { now: T0 };
    const first = await serverOn(database, clock);
    const user = await registerUser(first.url);
    const s = await user.api.post('/api/v1/statuses', {
      status: 'which one?',
      scheduled_at: at(T0 + 10 * MIN),
      poll: { options: ['this', 'that'], expires_in: 3600 },
    });
    expect(s.status).toBe(200);
    expect(s.body.params.poll).toEqual({
      options: ['this', 'that'],
      expires_in: 3600,
      multiple: false,
      hide_totals: false,
    });
    await first.close();

    clock.now = T0 + 30 * MIN;
    const second = await serverOn(database, clock);
    const api = new Api(second.url, user.token);
    await waitUntil(async () => (await ownStatuses(api, user.id)).length > 0);
    await polled(second);
    const list = (await api.get(`/api/v1/accounts/${user.id}/statuses`)).body;
    expect(list).toHaveLength(1);
    // The poll runs from when the status was posted, not from when it was scheduled.
    expect(list[0].poll.expires_at).toBe(at(T0 + 30 * MIN + 3600_000));
    expect(list[0].poll.options.map((o: { title: string }) => o.title)).toEqual(['this', 'that']);
    await second.close();
    clock.now = T0 + 40 * MIN;
    const third = await serverOn(database, clock);
    const again = new Api(third.url, user.token);
    await polled(third);
    expect(await ownStatuses(again, user.id)).toHaveLength(1);
    expect((await again.get('/api/v1/scheduled_statuses')).body).toEqual([]);
  });
});
