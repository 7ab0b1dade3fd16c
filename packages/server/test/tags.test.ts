import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

const DAY = 86_400_000;
let clock = Date.UTC(2025, 2, 10, 12, 0, 0);
let server: TestServer;
let anon: Api;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  anon = new Api(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/tags/:name', () => {
  it('returns the tag with a 7-day history of uses and accounts, newest day first', async () => {
    const a = await registerUser(server.url);
    const b = await registerUser(server.url);
    const start = clock;
    clock = start - 3 * DAY;
    await a.api.post('/api/v1/statuses', { status: 'old #History' });
    clock = start - 8 * DAY;
    await a.api.post('/api/v1/statuses', { status: 'too old #history' });
    clock = start;
    await a.api.post('/api/v1/statuses', { status: 'today #history' });
    await a.api.post('/api/v1/statuses', { status: 'again #HISTORY' });
    await b.api.post('/api/v1/statuses', { status: 'me too #history' });
    const res = await anon.get('/api/v1/tags/HISTORY');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'History', url: `${server.url}/tags/history`, following: false });
    expect(res.body.history).toHaveLength(7);
    const today = Math.floor(start / DAY) * DAY;
    expect(res.body.history[0]).toEqual({ day: String(today / 1000), uses: '3', accounts: '2' });
    expect(res.body.history[3]).toEqual({ day: String((today - 3 * DAY) / 1000), uses: '1', accounts: '1' });
    expect(res.body.history.filter((h: { uses: string }) => h.uses !== '0')).toHaveLength(2);
  });

  it.each([
    ['an unknown tag', 'neverused', 404],
    ['an invalid name', 'bad-name!', 422],
  ])('%s is %i', async (_n, name, status) => {
    expect((await anon.get(`/api/v1/tags/${name}`)).status).toBe(status);
  });

  it('accepts a leading # or a full-width ＃', async () => {
    const u = await registerUser(server.url);
    await u.api.post('/api/v1/statuses', { status: '#prefixed' });
    expect((await anon.get(`/api/v1/tags/${encodeURIComponent('#prefixed')}`)).status).toBe(200);
    expect((await anon.get(`/api/v1/tags/${encodeURIComponent('＃PREFIXED')}`)).body.name).toBe('prefixed');
  });
});

describe('following tags', () => {
  it('follow, followed_tags and unfollow', async () => {
    const u = await registerUser(server.url);
    const f = await u.api.post('/api/v1/tags/NewTopic/follow');
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ name: 'NewTopic', following: true });
    expect((await u.api.post('/api/v1/tags/newtopic/follow')).status).toBe(200);
    await u.api.post('/api/v1/tags/other/follow');
    const list = await u.api.get('/api/v1/followed_tags');
    expect(list.body.map((t: { name: string }) => t.name).sort()).toEqual(['NewTopic', 'other']);
    expect(list.body.every((t: { following: boolean }) => t.following)).toBe(true);
    expect((await u.api.get('/api/v1/tags/NEWTOPIC')).body.following).toBe(true);
    const un = await u.api.post('/api/v1/tags/newtopic/unfollow');
    expect(un.body.following).toBe(false);
    expect((await u.api.get('/api/v1/followed_tags')).body.map((t: { name: string }) => t.name)).toEqual([
      'other',
    ]);
  });

  it('followed_tags pages with a Link header', async () => {
    const u = await registerUser(server.url);
    for (const t of ['pa', 'pb', 'pc']) await u.api.post(`/api/v1/tags/${t}/follow`);
    const first = await u.api.get('/api/v1/followed_tags?limit=2');
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toContain('limit=2');
    const second = await u.api.get(new URL(next!).pathname + new URL(next!).search);
    expect(second.body).toHaveLength(1);
    const prev = /<([^>]+)>; rel="prev"/.exec(second.headers.get('link') ?? '')?.[1];
    const back = await u.api.get(new URL(prev!).pathname + new URL(prev!).search);
    expect(back.body.map((t: { name: string }) => t.name)).toEqual(
      first.body.map((t: { name: string }) => t.name),
    );
  });

  it('needs a user with write:follows', async () => {
    expect((await anon.post('/api/v1/tags/x/follow')).status).toBe(401);
  });

  it('refuses an invalid tag name', async () => {
    const u = await registerUser(server.url);
    expect((await u.api.post('/api/v1/tags/no%20spaces/follow')).status).toBe(422);
  });
});
