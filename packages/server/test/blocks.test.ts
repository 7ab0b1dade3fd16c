// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

let server: TestServer;
let clock = Date.parse('2027-03-01T12:00:00Z');
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, env: { JOBS_ENABLED: 'false' } });
  await registerUser(server.url); // the admin
});
afterAll(async () => {
  await server?.close();
});

const ok = async (p: Promise<{ status: number; body: any }>) => {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const post = async (u: User, status: string) =>
  (await ok(u.api.post('/api/v1/statuses', { status }))).id as string;
const ids = async (api: Api, path: string) => ((await ok(api.get(path))) as any[]).map((s) => s.id);
const sse = async (path: string, token: string) => {
  const c = new SseClient(`${server.url}${path}`, { authorization: `Bearer ${token}` });
  await c.opened;
  expect(c.status).toBe(200);
  await c.live;
  return c;
};
const updates = (c: SseClient) =>
  c.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);
const people = async () => ({ me: await registerUser(server.url), them: await registerUser(server.url) });
let n = 0;
const freshTag = () => `blocktag${++n}${Math.random().toString(36).slice(2, 6)}`;

describe('blocking an account', () => {
  it('answers with the Relationship, lists the block with a Link header, and ends follows both ways', async () => {
    const { me, them } = await people();
    await ok(me.api.post(`/api/v1/accounts/${them.id}/follow`));
    await ok(them.api.post(`/api/v1/accounts/${me.id}/follow`));
    const rel = await ok(me.api.post(`/api/v1/accounts/${them.id}/block`));
    expect(rel).toMatchObject({
      id: them.id,
      blocking: true,
      following: false,
      followed_by: false,
      muting: false,
    });
    const theirs = await ok(them.api.get(`/api/v1/accounts/relationships?id[]=${me.id}`));
    expect(theirs[0]).toMatchObject({ blocked_by: true, blocking: false });
    const list = await me.api.get('/api/v1/blocks');
    expect(list.body.map((a: any) => a.id)).toEqual([them.id]);
    expect(list.headers.get('link')).toMatch(/rel="next"/);
    const undo = await ok(me.api.post(`/api/v1/accounts/${them.id}/unblock`));
    expect(undo.blocking).toBe(false);
    expect(await ids(me.api, '/api/v1/blocks')).toEqual([]);
    expect((await me.api.post(`/api/v1/accounts/${me.id}/block`)).status).toBe(403);
  });

  it.each([
    ['tag', (tag: string) => `/api/v1/timelines/tag/${tag}`],
    ['public', () => '/api/v1/timelines/public?limit=40'],
  ])('filters the %s timeline, both ways', async (_name, path) => {
    const { me, them } = await people();
    const tag = freshTag();
    const theirs = await post(them, `theirs #${tag}`);
    const mine = await post(me, `mine #${tag}`);
    await ok(me.api.post(`/api/v1/accounts/${them.id}/block`));
    const mineSees = await ids(me.api, path(tag));
    expect(mineSees).toContain(mine);
    expect(mineSees).not.toContain(theirs);
    expect(await ids(them.api, path(tag))).not.toContain(mine);
    expect(await ids(new Api(server.url), path(tag))).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('keeps reblogs of a blocked account out of the home timeline', async () => {
    const { me, them } = await people();
    const friend = await registerUser(server.url);
    await ok(me.api.post(`/api/v1/accounts/${friend.id}/follow`));
    const theirs = await post(them, 'reblog me');
    const reblog = (await ok(friend.api.post(`/api/v1/statuses/${theirs}/reblog`))).id;
    const own = await post(friend, 'my own words');
    expect(await ids(me.api, '/api/v1/timelines/home')).toContain(reblog);
    await ok(me.api.post(`/api/v1/accounts/${them.id}/block`));
    const home = await ids(me.api, '/api/v1/timelines/home');
    expect(home).not.toContain(reblog);
    expect(home).toContain(own);
  });

  it("creates no notification for a blocked account's mention, and hides older ones", async () => {
    const { me, them } = await people();
    await post(them, `hi @${me.username}`);
    await ok(me.api.post(`/api/v1/accounts/${them.id}/block`));
    expect(await ids(me.api, '/api/v1/notifications')).toEqual([]);
    await post(them, `hello again @${me.username}`);
    const rows = await server.ctx.store.db
      .selectFrom('notifications')
      .select('id')
      .where('account_id', '=', Number(me.id))
      .execute();
    expect(rows).toHaveLength(1); // only the one from before the block
    await ok(me.api.post(`/api/v1/accounts/${them.id}/unblock`));
    await post(them, `and now @${me.username}`);
    expect(await ids(me.api, '/api/v1/notifications')).toHaveLength(2);
  });

  it("stops a blocked account's statuses on an open hashtag stream at once, and resumes them after unblocking", async () => {
    const { me, them } = await people();
    const other = await registerUser(server.url);
    const tag = freshTag();
    const stream = await sse(`/api/v1/streaming/hashtag?tag=${tag}`, me.token);
    const before = await post(them, `before #${tag}`);
    await stream.waitFor(() => updates(stream).includes(before));
    await ok(me.api.post(`/api/v1/accounts/${them.id}/block`));
    const during = await post(them, `during #${tag}`);
    const sentinel = await post(other, `sentinel #${tag}`);
    await stream.waitFor(() => updates(stream).includes(sentinel));
    expect(updates(stream)).not.toContain(during);
    await ok(me.api.post(`/api/v1/accounts/${them.id}/unblock`));
    const after = await post(them, `after #${tag}`);
    await stream.waitFor(() => updates(stream).includes(after));
    stream.close();
  });

  it("keeps a blocker's statuses off the blocked account's user stream too", async () => {
    const { me, them } = await people();
    await ok(them.api.post(`/api/v1/accounts/${me.id}/follow`));
    const tag = freshTag();
    await ok(them.api.post(`/api/v1/tags/${tag}/follow`));
    const stream = await sse('/api/v1/streaming/user', them.token);
    await ok(me.api.post(`/api/v1/accounts/${them.id}/block`));
    const hidden = await post(me, `from the blocker #${tag}`);
    const own = await post(them, 'my own');
    await stream.waitFor(() => updates(stream).includes(own));
    expect(updates(stream)).not.toContain(hidden);
    stream.close();
  });
});

describe('muting an account', () => {
  it('mutes for a duration, with or without notifications, listed with its expiry', async () => {
    const { me, them } = await people();
    const rel = await ok(
      me.api.post(`/api/v1/accounts/${them.id}/mute`, { notifications: false, duration: 3600 }),
    );
    expect(rel).toMatchObject({ muting: true, muting_notifications: false, blocking: false });
    const list = await ok(me.api.get('/api/v1/mutes'));
    expect(list[0]).toMatchObject({ id: them.id, mute_expires_at: new Date(clock + 3600_000).toISOString() });
    // Without muted notifications, a mention still notifies.
    await post(them, `psst @${me.username}`);
    expect(await ids(me.api, '/api/v1/notifications')).toHaveLength(1);
    const again = await ok(me.api.post(`/api/v1/accounts/${them.id}/mute`, { notifications: true }));
    expect(again.muting_notifications).toBe(true);
    expect(await ids(me.api, '/api/v1/notifications')).toHaveLength(0);
    const undo = await ok(me.api.post(`/api/v1/accounts/${them.id}/unmute`));
    expect(undo.muting).toBe(false);
  });

  it("filters a muted account's statuses from timelines and open streams until the mute ends", async () => {
    const { me, them } = await people();
    const tag = freshTag();
    const stream = await sse(`/api/v1/streaming/hashtag?tag=${tag}`, me.token);
    await ok(me.api.post(`/api/v1/accounts/${them.id}/mute`, { duration: 60 }));
    const muted = await post(them, `muted #${tag}`);
    const sentinel = await post(me, `mine #${tag}`);
    await stream.waitFor(() => updates(stream).includes(sentinel));
    expect(updates(stream)).not.toContain(muted);
    expect(await ids(me.api, `/api/v1/timelines/tag/${tag}`)).toEqual([sentinel]);
    expect(await ids(them.api, `/api/v1/timelines/tag/${tag}`)).toContain(muted);
    clock += 61_000;
    expect(await ids(me.api, `/api/v1/timelines/tag/${tag}`)).toContain(muted);
    expect(await ids(me.api, '/api/v1/mutes')).toEqual([]);
    stream.close();
  });
});
