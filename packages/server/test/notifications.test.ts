import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { parseLink } from './support/link';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let anon: Api;

beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
});
afterAll(async () => {
  await server?.close();
});

/** A recipient with one notification of each kind, from `actor`, oldest first: follow, mention, favourite, reblog. */
async function setup() {
  const [me, actor] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
  const mine = (await me.api.post('/api/v1/statuses', { status: 'my status' })).body;
  await actor.api.post(`/api/v1/accounts/${me.id}/follow`);
  const mention = (await actor.api.post('/api/v1/statuses', { status: `hey @${me.username}` })).body;
  await actor.api.post(`/api/v1/statuses/${mine.id}/favourite`);
  await actor.api.post(`/api/v1/statuses/${mine.id}/reblog`);
  return { me, actor, mine, mention };
}
const types = (list: { type: string }[]) => list.map((n) => n.type);

describe('notifications', () => {
  it('are created for follow, mention, favourite and reblog, newest first, with account and status', async () => {
    const { me, actor, mine, mention } = await setup();
    const res = await me.api.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    expect(types(res.body)).toEqual(['reblog', 'favourite', 'mention', 'follow']);
    for (const n of res.body) expect(n.account.id).toBe(actor.id);
    expect(res.body[0].status.id).toBe(mine.id);
    expect(res.body[1].status.id).toBe(mine.id);
    expect(res.body[2].status.id).toBe(mention.id);
    expect(res.body[3]).not.toHaveProperty('status'); // a follow: Mastodon leaves the key out
  });

  it('nobody is notified of their own actions', async () => {
    const u = await registerUser(server.url);
    const s = (await u.api.post('/api/v1/statuses', { status: `me @${u.username}` })).body;
    await u.api.post(`/api/v1/statuses/${s.id}/favourite`);
    await u.api.post(`/api/v1/statuses/${s.id}/reblog`);
    expect((await u.api.get('/api/v1/notifications')).body).toEqual([]);
  });

  it.each([
    ['types[]=mention', ['mention']],
    ['types[]=favourite&types[]=reblog', ['reblog', 'favourite']],
    ['exclude_types[]=follow&exclude_types[]=mention', ['reblog', 'favourite']],
    ['types=follow', ['follow']],
  ])('filters with %s', async (query, expected) => {
    const { me } = await setup();
    expect(types((await me.api.get(`/api/v1/notifications?${query}`)).body)).toEqual(expected);
  });

  it('filters by account_id', async () => {
    const { me, actor } = await setup();
    const other = await registerUser(server.url);
    await other.api.post(`/api/v1/accounts/${me.id}/follow`);
    const res = await me.api.get(`/api/v1/notifications?account_id=${other.id}`);
    expect(types(res.body)).toEqual(['follow']);
    expect(res.body[0].account.id).toBe(other.id);
    expect((await me.api.get(`/api/v1/notifications?account_id=${actor.id}`)).body).toHaveLength(4);
  });

  it('paginates with a Link header whose next and prev work', async () => {
    const { me } = await setup();
    const first = await me.api.get('/api/v1/notifications?limit=3');
    expect(types(first.body)).toEqual(['reblog', 'favourite', 'mention']);
    const next = await me.api.get(parseLink(first.headers.get('link')).next);
    expect(types(next.body)).toEqual(['follow']);
    const prev = await me.api.get(parseLink(next.headers.get('link')).prev);
    expect(types(prev.body)).toEqual(['reblog', 'favourite', 'mention']);
  });

  it('GET one, dismiss one, and clear all', async () => {
    const { me } = await setup();
    const list = (await me.api.get('/api/v1/notifications')).body;
    expect((await me.api.get(`/api/v1/notifications/${list[0].id}`)).body.type).toBe('reblog');
    expect((await me.api.post(`/api/v1/notifications/${list[0].id}/dismiss`)).status).toBe(200);
    expect((await me.api.get(`/api/v1/notifications/${list[0].id}`)).status).toBe(404);
    expect((await me.api.get('/api/v1/notifications')).body).toHaveLength(3);
    expect((await me.api.post('/api/v1/notifications/clear')).status).toBe(200);
    expect((await me.api.get('/api/v1/notifications')).body).toEqual([]);
  });

  it("another user's notification is 404 to read or dismiss, and stays", async () => {
    const { me } = await setup();
    const stranger = await registerUser(server.url);
    const id = (await me.api.get('/api/v1/notifications')).body[0].id;
    expect((await stranger.api.get(`/api/v1/notifications/${id}`)).status).toBe(404);
    expect((await stranger.api.post(`/api/v1/notifications/${id}/dismiss`)).status).toBe(404);
    expect((await me.api.get(`/api/v1/notifications/${id}`)).status).toBe(200);
  });

  it('unfavourite and unreblog withdraw their notifications; deleting a status drops its mention', async () => {
    const { me, actor, mine, mention } = await setup();
    await actor.api.post(`/api/v1/statuses/${mine.id}/unfavourite`);
    await actor.api.post(`/api/v1/statuses/${mine.id}/unreblog`);
    await actor.api.delete(`/api/v1/statuses/${mention.id}`);
    expect(types((await me.api.get('/api/v1/notifications')).body)).toEqual(['follow']);
  });

  it('needs a token', async () => {
    expect((await anon.get('/api/v1/notifications')).status).toBe(401);
  });
});
