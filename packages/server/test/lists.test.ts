import { listSchema } from '@hashchat/api/entities/list';
import { statusSchema } from '@hashchat/api/entities/status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Api, registerUser } from './support/client';
import { userWithScopes } from './support/oauth';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Mastodon's lists: CRUD, members (followed accounts only), the list timeline and stream. */
let server: TestServer;
const open: { close(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

const user = () => registerUser(server.url);
const post = async (u: User, status: string, extra: Record<string, unknown> = {}) =>
  (await u.api.post('/api/v1/statuses', { status, ...extra })).body.id as string;
const ids = (body: { id: string }[]) => body.map((s) => s.id);
async function listWith(owner: User, members: User[], body: Record<string, unknown> = {}) {
  const list = (await owner.api.post('/api/v1/lists', { title: 'Friends', ...body })).body;
  for (const m of members) await owner.api.post(`/api/v1/accounts/${m.id}/follow`);
  if (members.length > 0) {
    const res = await owner.api.post(`/api/v1/lists/${list.id}/accounts`, {
      account_ids: members.map((m) => m.id),
    });
    expect(res.status).toBe(200);
  }
  return list.id as string;
}

describe('lists', () => {
  it('are created, read, renamed and deleted, in the Mastodon shape', async () => {
    const me = await user();
    const made = await me.api.post('/api/v1/lists', { title: '  Chat hosts  ' });
    expect(made.status).toBe(200);
    expect(listSchema.strict().parse(made.body)).toEqual({
      id: expect.any(String),
      title: 'Chat hosts',
      replies_policy: 'list',
      exclusive: false,
    });
    const id = made.body.id;
    // As a form, the way most apps send it.
    const form = await me.api.request(
      'PUT',
      `/api/v1/lists/${id}`,
      new URLSearchParams({ title: 'Hosts', replies_policy: 'followed', exclusive: 'true' }),
    );
    expect(form.body).toEqual({ id, title: 'Hosts', replies_policy: 'followed', exclusive: true });
    expect((await me.api.get(`/api/v1/lists/${id}`)).body).toEqual(form.body);
    expect((await me.api.get('/api/v1/lists')).body).toEqual([form.body]);
    expect((await me.api.delete(`/api/v1/lists/${id}`)).body).toEqual({});
    expect((await me.api.get(`/api/v1/lists/${id}`)).status).toBe(404);
    expect((await me.api.get('/api/v1/lists')).body).toEqual([]);
  });

  it.each([
    ['no title', {}, "Validation failed: title can't be blank"],
    ['a blank title', { title: '   ' }, "Validation failed: title can't be blank"],
    [
      '201 characters',
      { title: 'x'.repeat(201) },
      'Validation failed: title is too long (at most 200 characters)',
    ],
    [
      'an unknown policy',
      { title: 'ok', replies_policy: 'everyone' },
      'Validation failed: replies_policy must be one of followed, list or none',
    ],
  ])('refuse %s with a 422 and write nothing', async (_, body, error) => {
    const me = await user();
    const res = await me.api.post('/api/v1/lists', body);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error });
    expect((await me.api.get('/api/v1/lists')).body).toEqual([]);
  });

  it("another account's list is a 404 on every route", async () => {
    const [owner, other, member] = [await user(), await user(), await user()];
    const id = await listWith(owner, [member]);
    await other.api.post(`/api/v1/accounts/${member.id}/follow`);
    const tries = [
      other.api.get(`/api/v1/lists/${id}`),
      other.api.request('PUT', `/api/v1/lists/${id}`, { title: 'mine now' }),
      other.api.delete(`/api/v1/lists/${id}`),
      other.api.get(`/api/v1/lists/${id}/accounts`),
      other.api.post(`/api/v1/lists/${id}/accounts`, { account_ids: [member.id] }),
      other.api.request('DELETE', `/api/v1/lists/${id}/accounts`, { account_ids: [member.id] }),
      other.api.get(`/api/v1/timelines/list/${id}`),
    ];
    for (const res of await Promise.all(tries)) expect(res.status).toBe(404);
    expect((await owner.api.get(`/api/v1/lists/${id}`)).body.title).toBe('Friends');
    expect(ids((await owner.api.get(`/api/v1/lists/${id}/accounts`)).body)).toEqual([member.id]);
    const stream = new SseClient(`${server.url}/api/v1/streaming/list?list=${id}`, {
      authorization: `Bearer ${other.token}`,
    });
    open.push(stream);
    await stream.opened;
    expect(stream.status).toBe(404);
  });

  it('need read:lists to read and write:lists to change', async () => {
    const reader = await userWithScopes(server.url, 'read:lists');
    const writer = await userWithScopes(server.url, 'write:lists');
    expect((await reader.api.get('/api/v1/lists')).status).toBe(200);
    expect((await reader.api.post('/api/v1/lists', { title: 'x' })).status).toBe(403);
    expect((await writer.api.post('/api/v1/lists', { title: 'x' })).status).toBe(200);
    expect((await writer.api.get('/api/v1/lists')).status).toBe(403);
    expect((await new Api(server.url).get('/api/v1/lists')).status).toBe(401);
  });

  it('stop at 50 per account', async () => {
    const me = await user();
    for (let i = 0; i < 50; i++)
      expect((await me.api.post('/api/v1/lists', { title: `l${i}` })).status).toBe(200);
    const res = await me.api.post('/api/v1/lists', { title: 'one more' });
    expect(res.status).toBe(422);
    expect((await me.api.get('/api/v1/lists')).body).toHaveLength(50);
  });
});

describe('list members', () => {
  it('are followed accounts only; a stranger is a 404 and nothing is added', async () => {
    const [me, friend, stranger] = [await user(), await user(), await user()];
    const id = await listWith(me, [friend]);
    const res = await me.api.post(`/api/v1/lists/${id}/accounts`, { account_ids: [stranger.id] });
    expect(res.status).toBe(404);
    // One followed and one not: all or nothing.
    const third = await user();
    await me.api.post(`/api/v1/accounts/${third.id}/follow`);
    expect(
      (await me.api.post(`/api/v1/lists/${id}/accounts`, { account_ids: [third.id, stranger.id] })).status,
    ).toBe(404);
    expect(ids((await me.api.get(`/api/v1/lists/${id}/accounts`)).body)).toEqual([friend.id]);
  });

  it('are added once (422 "has already been taken"), listed with Link paging, removed by form or query', async () => {
    const me = await user();
    const people = [await user(), await user(), await user()];
    const id = await listWith(me, people);
    const again = await me.api.post(`/api/v1/lists/${id}/accounts`, { account_ids: [people[0].id] });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ error: 'Validation failed: Account has already been taken' });
    const first = await me.api.get(`/api/v1/lists/${id}/accounts?limit=2`);
    expect(ids(first.body)).toEqual([people[2].id, people[1].id]);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1];
    expect(ids((await me.api.get(new URL(next).pathname + new URL(next).search)).body)).toEqual([
      people[0].id,
    ]);
    expect((await me.api.get(`/api/v1/lists/${id}/accounts?limit=0`)).body).toHaveLength(3);
    // Apps send the ids of a DELETE in the query string.
    const del = await me.api.delete(`/api/v1/lists/${id}/accounts?account_ids[]=${people[1].id}`);
    expect(del.status).toBe(200);
    expect(ids((await me.api.get(`/api/v1/lists/${id}/accounts`)).body)).toEqual([
      people[2].id,
      people[0].id,
    ]);
  });

  it('leave the lists when unfollowed, and /accounts/:id/lists says which lists hold an account', async () => {
    const [me, friend] = [await user(), await user()];
    const a = await listWith(me, [friend]);
    const b = await listWith(me, [friend], { title: 'Second' });
    await listWith(me, [], { title: 'Empty' });
    const held = await me.api.get(`/api/v1/accounts/${friend.id}/lists`);
    expect(held.body.map((l: { id: string }) => l.id)).toEqual([a, b]);
    // Someone else's view of the same account shows only their own lists.
    expect((await (await user()).api.get(`/api/v1/accounts/${friend.id}/lists`)).body).toEqual([]);
    await me.api.post(`/api/v1/accounts/${friend.id}/unfollow`);
    expect((await me.api.get(`/api/v1/lists/${a}/accounts`)).body).toEqual([]);
    expect((await me.api.get(`/api/v1/accounts/${friend.id}/lists`)).body).toEqual([]);
    expect((await me.api.get('/api/v1/accounts/999999999/lists')).status).toBe(404);
  });
});

describe('GET /api/v1/timelines/list/:id', () => {
  it("shows members' statuses newest first, paged by Link, replies as replies_policy says", async () => {
    const [me, m1, m2, outsider] = [await user(), await user(), await user(), await user()];
    await me.api.post(`/api/v1/accounts/${outsider.id}/follow`);
    const byPolicy: Record<string, string> = {};
    for (const policy of ['list', 'followed', 'none'])
      byPolicy[policy] = await listWith(me, [m1, m2], { title: policy, replies_policy: policy });
    const root = await post(outsider, 'outsider root');
    const m2root = await post(m2, 'member root');
    const s1 = await post(m1, 'hello list');
    const toSelf = await post(m1, 'thread', { in_reply_to_id: s1 });
    const toMember = await post(m1, 'to a member', { in_reply_to_id: m2root });
    const toFollowed = await post(m1, 'to someone followed', { in_reply_to_id: root });
    const priv = await post(m2, 'followers only', { visibility: 'private' });
    await post(outsider, 'not a member');
    await post(m1, 'a direct one', { visibility: 'direct' });

    const res = await me.api.get(`/api/v1/timelines/list/${byPolicy.list}`);
    expect(res.status).toBe(200);
    z.array(statusSchema).parse(res.body);
    expect(ids(res.body)).toEqual([priv, toMember, toSelf, s1, m2root]);
    expect(ids((await me.api.get(`/api/v1/timelines/list/${byPolicy.followed}`)).body)).toEqual([
      priv,
      toFollowed,
      toMember,
      toSelf,
      s1,
      m2root,
    ]);
    expect(ids((await me.api.get(`/api/v1/timelines/list/${byPolicy.none}`)).body)).toEqual([
      priv,
      toSelf,
      s1,
      m2root,
    ]);
    const page = await me.api.get(`/api/v1/timelines/list/${byPolicy.list}?limit=2`);
    expect(ids(page.body)).toEqual([priv, toMember]);
    const next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')![1];
    expect(ids((await me.api.get(new URL(next).pathname + new URL(next).search)).body)).toEqual([toSelf, s1]);
  });

  it("an exclusive list takes its members' statuses out of the home timeline", async () => {
    const [me, member, other] = [await user(), await user(), await user()];
    const id = await listWith(me, [member]);
    await me.api.post(`/api/v1/accounts/${other.id}/follow`);
    const a = await post(member, 'from a member');
    const b = await post(other, 'from someone else');
    expect(ids((await me.api.get('/api/v1/timelines/home')).body)).toEqual([b, a]);
    await me.api.request('PUT', `/api/v1/lists/${id}`, { exclusive: true });
    expect(ids((await me.api.get('/api/v1/timelines/home')).body)).toEqual([b]);
    expect(ids((await me.api.get(`/api/v1/timelines/list/${id}`)).body)).toEqual([a]);
  });
});

describe('list streams', () => {
  it('SSE: members posting arrive; members added or removed meanwhile are picked up or dropped', async () => {
    const [me, m1, m2, outsider] = [await user(), await user(), await user(), await user()];
    const id = await listWith(me, [m1]);
    await me.api.post(`/api/v1/accounts/${m2.id}/follow`);
    const c = new SseClient(`${server.url}/api/v1/streaming/list?list=${id}`, {
      authorization: `Bearer ${me.token}`,
    });
    open.push(c);
    await c.opened;
    await c.live;
    expect(c.status).toBe(200);
    await post(outsider, 'not on the list');
    const s1 = await post(m1, 'first');
    await me.api.post(`/api/v1/lists/${id}/accounts`, { account_ids: [m2.id] });
    await me.api.request('DELETE', `/api/v1/lists/${id}/accounts`, { account_ids: [m1.id] });
    await post(m1, 'no longer on it');
    const s2 = await post(m2, 'added meanwhile');
    const updates = () => c.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);
    await c.waitFor(() => updates().includes(s2));
    expect(updates()).toEqual([s1, s2]);
  });

  it("SSE: replies follow the list's replies_policy, as on the list timeline", async () => {
    const [me, member, other, outsider] = [await user(), await user(), await user(), await user()];
    await me.api.post(`/api/v1/accounts/${outsider.id}/follow`);
    const id = await listWith(me, [member, other], { replies_policy: 'list' });
    const root = await post(outsider, 'outsider root');
    const otherRoot = await post(other, 'member root');
    const c = new SseClient(`${server.url}/api/v1/streaming/list?list=${id}`, {
      authorization: `Bearer ${me.token}`,
    });
    open.push(c);
    await c.live;
    const own = await post(member, 'start');
    await post(member, 'to an outsider', { in_reply_to_id: root });
    const toMember = await post(member, 'to a member', { in_reply_to_id: otherRoot });
    const toSelf = await post(member, 'to myself', { in_reply_to_id: own });
    const updates = () => c.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);
    await c.waitFor(() => updates().includes(toSelf));
    expect(updates()).toEqual([own, toMember, toSelf]);
  });

  it('WebSocket: subscribe with stream=list&list=ID, events carry ["list", ID]', async () => {
    const [me, member] = [await user(), await user()];
    const id = await listWith(me, [member]);
    const ws = new WsClient(`${server.url.replace('http', 'ws')}/api/v1/streaming?access_token=${me.token}`);
    open.push(ws);
    await ws.opened;
    await ws.subscribe({ stream: 'list', list: id });
    const s = await post(member, 'over the socket');
    const msgs = await ws.waitFor((m) => m.some((x) => x.event === 'update'));
    const update = msgs.find((x) => x.event === 'update')!;
    expect(update.stream).toEqual(['list', id]);
    expect(JSON.parse(update.payload!).id).toBe(s);
    const stranger = await user();
    const ws2 = new WsClient(
      `${server.url.replace('http', 'ws')}/api/v1/streaming?access_token=${stranger.token}`,
    );
    open.push(ws2);
    await ws2.opened;
    await expect(ws2.subscribe({ stream: 'list', list: id })).rejects.toThrow(/Unknown list/);
  });
});
