import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Endpoints Mastodon apps call as they start (each was a 404), as the Mastodon API reference shapes them. */
let server: TestServer;
let user: User;
beforeAll(async () => {
  server = await startTestServer({
    env: { INSTANCE_RULES: 'Be kind to each other.\n\n  No spam or advertising.  \n' },
  });
  user = await registerUser(server.url);
});
afterAll(async () => server?.close());

describe('GET /api/v1/preferences', () => {
  it('gives the composer defaults under their Mastodon keys', async () => {
    const res = await user.api.get('/api/v1/preferences');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      'posting:default:visibility': 'public',
      'posting:default:sensitive': false,
      'posting:default:language': null,
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    });
  });

  it('needs a user', async () => {
    expect((await new Api(server.url).get('/api/v1/preferences')).status).toBe(401);
  });
});

describe('markers', () => {
  it('are absent until set, then kept per account and timeline with a growing version', async () => {
    const me = await registerUser(server.url);
    const other = await registerUser(server.url);
    expect((await me.api.get('/api/v1/markers?timeline[]=home&timeline[]=notifications')).body).toEqual({});

    const set = await me.api.post('/api/v1/markers', { home: { last_read_id: '103' } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      home: { last_read_id: '103', version: 1, updated_at: expect.stringMatching(/Z$/) },
    });
    // As a form, the way many apps send it.
    const form = await me.api.post(
      '/api/v1/markers',
      new URLSearchParams({ 'home[last_read_id]': '110', 'notifications[last_read_id]': '7' }),
    );
    expect(form.body.home).toMatchObject({ last_read_id: '110', version: 2 });
    expect(form.body.notifications).toMatchObject({ last_read_id: '7', version: 1 });

    const both = await me.api.get('/api/v1/markers?timeline[]=home&timeline[]=notifications');
    expect(both.body).toMatchObject({
      home: { last_read_id: '110', version: 2 },
      notifications: { last_read_id: '7', version: 1 },
    });
    const one = await me.api.get('/api/v1/markers?timeline=notifications');
    expect(Object.keys(one.body)).toEqual(['notifications']);
    expect((await other.api.get('/api/v1/markers?timeline[]=home')).body).toEqual({});
  });

  it('refuses a last_read_id that is not an id', async () => {
    const res = await user.api.post('/api/v1/markers', { home: { last_read_id: 'abc' } });
    expect(res.status).toBe(422);
  });
});

describe('lists of features Hashchat does not have are empty, not 404', () => {
  it.each(['/api/v1/custom_emojis', '/api/v1/follow_requests', '/api/v1/announcements'])(
    '%s',
    async (path) => {
      const res = await user.api.get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    },
  );

  it('custom emoji need no token; the others need a user', async () => {
    const anon = new Api(server.url);
    expect((await anon.get('/api/v1/custom_emojis')).status).toBe(200);
    for (const path of ['/api/v1/follow_requests', '/api/v1/announcements', '/api/v1/featured_tags'])
      expect((await anon.get(path)).status).toBe(401);
  });

  it('a new account features no hashtags; an unknown account is a 404', async () => {
    const anon = new Api(server.url);
    expect((await anon.get(`/api/v1/accounts/${user.id}/featured_tags`)).body).toEqual([]);
    expect((await anon.get('/api/v1/accounts/999999/featured_tags')).status).toBe(404);
  });
});

describe('instance rules and extended description', () => {
  it('rules come from INSTANCE_RULES, one per line, as Rule entities, in every instance document', async () => {
    const anon = new Api(server.url);
    const want = [
      { id: '1', text: 'Be kind to each other.', hint: '' },
      { id: '2', text: 'No spam or advertising.', hint: '' },
    ];
    expect((await anon.get('/api/v1/instance/rules')).body).toEqual(want);
    expect((await anon.get('/api/v1/instance')).body.rules).toEqual(want);
    expect((await anon.get('/api/v2/instance')).body.rules).toEqual(want);
  });

  it('the extended description is HTML with its date', async () => {
    const res = await new Api(server.url).get('/api/v1/instance/extended_description');
    expect(res.status).toBe(200);
    expect(res.body.content).toMatch(/^<p>.+<\/p>$/);
    expect(new Date(res.body.updated_at).toISOString()).toBe(res.body.updated_at);
  });
});

describe('GET /api/v1/accounts/search', () => {
  it('finds accounts by username or display name prefix, for mention autocomplete', async () => {
    const stem = `ac${Date.now().toString(36)}`;
    const a = await registerUser(server.url, `${stem}_alice`);
    const b = await registerUser(server.url, `${stem}_bob`);
    await b.api.patch('/api/v1/accounts/update_credentials', { display_name: 'Zebra Crossing' });
    const byName = await user.api.get(`/api/v1/accounts/search?q=${stem}_al&limit=5`);
    expect(byName.status).toBe(200);
    expect(byName.body.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(byName.body[0]).toMatchObject({ username: `${stem}_alice`, acct: `${stem}_alice` });
    const byDisplay = await user.api.get('/api/v1/accounts/search?q=zebra&resolve=true');
    expect(byDisplay.body.map((x: { id: string }) => x.id)).toContain(b.id);
    const withAt = await user.api.get(`/api/v1/accounts/search?q=@${stem}`);
    expect(withAt.body.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    const elsewhere = await user.api.get(`/api/v1/accounts/search?q=${stem}@elsewhere.example`);
    expect(elsewhere.body).toEqual([]);
  });

  it('following=true keeps the accounts the caller follows; limit and offset page', async () => {
    const stem = `fo${Date.now().toString(36)}`;
    const me = await registerUser(server.url);
    const [x, y] = [await registerUser(server.url, `${stem}_x`), await registerUser(server.url, `${stem}_y`)];
    await me.api.post(`/api/v1/accounts/${y.id}/follow`);
    const followed = await me.api.get(`/api/v1/accounts/search?q=${stem}&following=true`);
    expect(followed.body.map((r: { id: string }) => r.id)).toEqual([y.id]);
    const first = await me.api.get(`/api/v1/accounts/search?q=${stem}&limit=1`);
    const second = await me.api.get(`/api/v1/accounts/search?q=${stem}&limit=1&offset=1`);
    expect([...first.body, ...second.body].map((r: { id: string }) => r.id).sort()).toEqual(
      [x.id, y.id].sort(),
    );
  });

  it('needs a user and a q', async () => {
    expect((await new Api(server.url).get('/api/v1/accounts/search?q=a')).status).toBe(401);
    expect((await user.api.get('/api/v1/accounts/search')).status).toBe(422);
  });
});

describe('GET /api/v1/trends/tags', () => {
  it('ranks the week’s public hashtags by accounts then uses, each with a 7-day history', async () => {
    const stem = `tr${Date.now().toString(36)}`;
    const [a, b, c] = [
      await registerUser(server.url),
      await registerUser(server.url),
      await registerUser(server.url),
    ];
    // wide: three accounts once each; loud: one account four times; hidden: only in private posts.
    for (const u of [a, b, c]) await u.api.post('/api/v1/statuses', { status: `#${stem}wide` });
    for (let i = 0; i < 4; i++) await a.api.post('/api/v1/statuses', { status: `${i} #${stem}loud` });
    for (const u of [a, b, c, a, b])
      await u.api.post('/api/v1/statuses', { status: `#${stem}hidden`, visibility: 'private' });
    const res = await new Api(server.url).get('/api/v1/trends/tags?limit=20');
    expect(res.status).toBe(200);
    const mine = res.body.filter((t: { name: string }) => t.name.startsWith(stem));
    expect(mine.map((t: { name: string }) => t.name)).toEqual([`${stem}wide`, `${stem}loud`]);
    const [wide] = mine;
    expect(wide.history).toHaveLength(7);
    expect(wide.history[0]).toEqual({
      day: String(Math.floor(Date.now() / 86_400_000) * 86_400),
      uses: '3',
      accounts: '3',
    });
    expect(wide).toMatchObject({ url: expect.stringContaining(`/tags/${stem}wide`), following: false });
    const old = await new Api(server.url).get('/api/v1/trends?limit=20');
    expect(old.body).toEqual(res.body);
  });
});

describe('GET /api/v1/trends/statuses and /trends/links (Phanpy’s Trending page)', () => {
  it('lists public statuses by favourites and boosts; private and untouched ones stay out', async () => {
    const [a, b, c] = [
      await registerUser(server.url),
      await registerUser(server.url),
      await registerUser(server.url),
    ];
    const post = async (status: string, visibility = 'public') =>
      (await a.api.post('/api/v1/statuses', { status, visibility })).body.id as string;
    const [once, twice, quiet, hidden] = [
      await post('liked once'),
      await post('liked and boosted'),
      await post('nobody noticed'),
      await post('followers only', 'private'),
    ];
    await b.api.post(`/api/v1/statuses/${once}/favourite`);
    await b.api.post(`/api/v1/statuses/${twice}/favourite`);
    await c.api.post(`/api/v1/statuses/${twice}/reblog`);
    await b.api.post(`/api/v1/accounts/${a.id}/follow`);
    await b.api.post(`/api/v1/statuses/${hidden}/favourite`);
    const res = await new Api(server.url).get('/api/v1/trends/statuses?limit=20');
    expect(res.status).toBe(200);
    const ids = res.body.map((s: { id: string }) => s.id);
    expect(ids.filter((id: string) => [once, twice, quiet, hidden].includes(id))).toEqual([twice, once]);
    expect(res.body.find((s: { id: string }) => s.id === twice)).toMatchObject({
      favourites_count: 1,
      reblogs_count: 1,
    });
    const links = await new Api(server.url).get('/api/v1/trends/links');
    expect(links.status).toBe(200);
    expect(links.body).toEqual([]);
  });
});
