import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { countRows } from './support/db';
import { startInProcessServer } from './support/in-process';
import { parseLink } from './support/link';
import { appToken, createApp, encodeBody, PASSWORD, uniqueName } from './support/oauth';
import type { TestServer } from './support/test-server';

let server: TestServer;
let anon: Api;
let app: Api; // an app token with write:accounts

beforeAll(async () => {
  server = await startInProcessServer();
  anon = new Api(server.url);
  app = anon.as(await appToken(server.url, await createApp(server.url, 'read write follow')));
});
afterAll(async () => {
  await server?.close();
});

const form = (over: Record<string, string | boolean> = {}) => {
  const username = uniqueName('r');
  return {
    username,
    email: `${username}@example.org`,
    password: PASSWORD,
    agreement: true,
    locale: 'en',
    ...over,
  };
};

describe('registration (POST /api/v1/accounts)', () => {
  it.each(['json', 'form', 'multipart'] as const)(
    'returns a user token that works at once (%s body)',
    async (kind) => {
      const input = form();
      const res = await app.post('/api/v1/accounts', encodeBody(kind, input));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token_type: 'Bearer', scope: 'read write follow' });
      const me = await anon.as(res.body.access_token).get('/api/v1/accounts/verify_credentials');
      expect(me.status).toBe(200);
      expect(me.body.username).toBe(input.username);
      expect(me.body.source.language).toBe('en');
    },
  );

  it('needs an app token (401 without one)', async () => {
    const before = await countRows(server, 'accounts');
    const res = await anon.post('/api/v1/accounts', form());
    expect(res.status).toBe(401);
    expect(await countRows(server, 'accounts')).toBe(before);
  });

  const taken = uniqueName('taken');
  it.each([
    ['a taken username', { username: taken }, 'username', 'ERR_TAKEN'],
    ['the same username in other case', { username: taken.toUpperCase() }, 'username', 'ERR_TAKEN'],
    ['bad username characters', { username: 'no spaces!' }, 'username', 'ERR_INVALID'],
    ['a blank username', { username: '' }, 'username', 'ERR_BLANK'],
    ['a reserved username', { username: 'admin' }, 'username', 'ERR_RESERVED'],
    ['a bad email', { email: 'not-an-email' }, 'email', 'ERR_INVALID'],
    ['a taken email', { email: `${taken}@example.org` }, 'email', 'ERR_TAKEN'],
    ['a short password', { password: 'short' }, 'password', 'ERR_TOO_SHORT'],
    ['agreement false', { agreement: false }, 'agreement', 'ERR_ACCEPTED'],
    ['agreement "false" as a string', { agreement: 'false' }, 'agreement', 'ERR_ACCEPTED'],
    ['a bad locale', { locale: 'not a locale' }, 'locale', 'ERR_INCLUSION'],
  ])('refuses %s with 422 and Mastodon-style details, writing nothing', async (_n, over, field, code) => {
    if (
      (await countRows(server, 'accounts')) === 0 ||
      !(await anon.get(`/api/v1/accounts/lookup?acct=${taken}`)).body.id
    ) {
      expect(
        (await app.post('/api/v1/accounts', form({ username: taken, email: `${taken}@example.org` }))).status,
      ).toBe(200);
    }
    const before = await countRows(server, 'accounts');
    const tokensBefore = await countRows(server, 'tokens');
    const res = await app.post('/api/v1/accounts', form(over as Record<string, string>));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/^Validation failed/);
    expect(res.body.details[field]).toEqual(
      expect.arrayContaining([expect.objectContaining({ error: code })]),
    );
    expect(await countRows(server, 'accounts')).toBe(before);
    expect(await countRows(server, 'tokens')).toBe(tokensBefore);
  });

  it('lists every invalid field at once', async () => {
    const res = await app.post('/api/v1/accounts', {
      username: 'x y',
      email: 'x',
      password: '1',
      agreement: false,
      locale: 'en',
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details).sort()).toEqual(['agreement', 'email', 'password', 'username']);
  });
});

describe('accounts', () => {
  let alice: Awaited<ReturnType<typeof registerUser>>;
  let bob: Awaited<ReturnType<typeof registerUser>>;
  beforeAll(async () => {
    [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
  });

  it('verify_credentials returns the signed-in account with source', async () => {
    const res = await alice.api.get('/api/v1/accounts/verify_credentials');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: alice.id, username: alice.username, acct: alice.username });
    expect(res.body.source).toMatchObject({ privacy: 'public' });
  });

  it('verify_credentials without a token is 401', async () => {
    expect((await anon.get('/api/v1/accounts/verify_credentials')).status).toBe(401);
  });

  it.each(['json', 'multipart'] as const)(
    'update_credentials changes display_name and note (%s)',
    async (kind) => {
      const res = await alice.api.request(
        'PATCH',
        '/api/v1/accounts/update_credentials',
        encodeBody(kind, { display_name: `Alice ${kind}`, note: 'Hi <b>there</b>\nsecond line' }),
      );
      expect(res.status).toBe(200);
      expect(res.body.display_name).toBe(`Alice ${kind}`);
      expect(res.body.note).toBe('<p>Hi &lt;b&gt;there&lt;/b&gt;<br>second line</p>');
      expect(res.body.source.note).toBe('Hi <b>there</b>\nsecond line');
      expect((await anon.get(`/api/v1/accounts/${alice.id}`)).body.display_name).toBe(`Alice ${kind}`);
    },
  );

  it('update_credentials refuses a display_name over 30 characters', async () => {
    const res = await alice.api.patch('/api/v1/accounts/update_credentials', {
      display_name: 'x'.repeat(31),
    });
    expect(res.status).toBe(422);
  });

  it('GET /api/v1/accounts/:id returns the public account; unknown ids are 404', async () => {
    const res = await anon.get(`/api/v1/accounts/${bob.id}`);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(bob.username);
    expect(res.body.source).toBeUndefined();
    expect((await anon.get('/api/v1/accounts/999999')).status).toBe(404);
    expect((await anon.get('/api/v1/accounts/abc')).status).toBe(404);
  });

  it.each([
    ['username', (u: string) => u],
    ['@username', (u: string) => `@${u}`],
    ['upper case', (u: string) => u.toUpperCase()],
    ['username@host', (u: string) => `${u}@${new URL(server.url).host}`],
  ])('lookup finds an account by %s', async (_n, acct) => {
    const res = await anon.get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct(bob.username))}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(bob.id);
  });

  it('lookup of another domain or a missing user is 404', async () => {
    expect((await anon.get(`/api/v1/accounts/lookup?acct=${bob.username}@elsewhere.example`)).status).toBe(
      404,
    );
    expect((await anon.get('/api/v1/accounts/lookup?acct=nobody_here')).status).toBe(404);
  });

  it('/:id/statuses pages newest first with a Link header that works', async () => {
    const u = await registerUser(server.url);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await u.api.post('/api/v1/statuses', { status: `post ${i}` })).body.id);
    const first = await anon.get(`/api/v1/accounts/${u.id}/statuses?limit=2`);
    expect(first.body.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]]);
    const links = parseLink(first.headers.get('link'));
    const second = await anon.get(links.next);
    expect(second.body.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const third = await anon.get(parseLink(second.headers.get('link')).next);
    expect(third.body.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    const back = await anon.get(parseLink(third.headers.get('link')).prev);
    expect(back.body.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
  });

  it('/:id/statuses hides followers-only statuses from strangers and shows them to followers', async () => {
    const u = await registerUser(server.url);
    const viewer = await registerUser(server.url);
    const priv = (await u.api.post('/api/v1/statuses', { status: 'for followers', visibility: 'private' }))
      .body.id;
    const ids = async (api: Api) =>
      (await api.get(`/api/v1/accounts/${u.id}/statuses`)).body.map((s: { id: string }) => s.id);
    expect(await ids(anon)).not.toContain(priv);
    expect(await ids(viewer.api)).not.toContain(priv);
    await viewer.api.post(`/api/v1/accounts/${u.id}/follow`);
    expect(await ids(viewer.api)).toContain(priv);
    expect(await ids(u.api)).toContain(priv);
  });

  it('/:id/statuses honours exclude_replies', async () => {
    const u = await registerUser(server.url);
    const top = (await u.api.post('/api/v1/statuses', { status: 'top' })).body.id;
    const reply = (await u.api.post('/api/v1/statuses', { status: 'reply', in_reply_to_id: top })).body.id;
    const all = (await anon.get(`/api/v1/accounts/${u.id}/statuses`)).body.map((s: { id: string }) => s.id);
    expect(all).toEqual([reply, top]);
    const noReplies = (await anon.get(`/api/v1/accounts/${u.id}/statuses?exclude_replies=true`)).body.map(
      (s: { id: string }) => s.id,
    );
    expect(noReplies).toEqual([top]);
  });

  it('/:id/statuses?tagged= keeps only statuses with that hashtag, in any case', async () => {
    const u = await registerUser(server.url);
    const tagged = (await u.api.post('/api/v1/statuses', { status: 'about #Gardening' })).body.id;
    await u.api.post('/api/v1/statuses', { status: 'about #cooking' });
    await u.api.post('/api/v1/statuses', { status: 'no tags' });
    const res = await anon.get(`/api/v1/accounts/${u.id}/statuses?tagged=GARDENING`);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([tagged]);
    expect((await anon.get(`/api/v1/accounts/${u.id}/statuses?tagged=neverused`)).body).toEqual([]);
  });

  it('follow updates counts, relationships and notifies; unfollow reverts', async () => {
    const a = await registerUser(server.url);
    const b = await registerUser(server.url);
    const rel = await a.api.post(`/api/v1/accounts/${b.id}/follow`);
    expect(rel.status).toBe(200);
    expect(rel.body).toMatchObject({ id: b.id, following: true, followed_by: false });
    expect((await anon.get(`/api/v1/accounts/${a.id}`)).body.following_count).toBe(1);
    expect((await anon.get(`/api/v1/accounts/${b.id}`)).body.followers_count).toBe(1);
    // Following twice changes nothing.
    await a.api.post(`/api/v1/accounts/${b.id}/follow`);
    expect((await anon.get(`/api/v1/accounts/${b.id}`)).body.followers_count).toBe(1);
    const notes = (await b.api.get('/api/v1/notifications')).body;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: 'follow', account: { id: a.id } });
    const un = await a.api.post(`/api/v1/accounts/${b.id}/unfollow`);
    expect(un.body.following).toBe(false);
    expect((await anon.get(`/api/v1/accounts/${a.id}`)).body.following_count).toBe(0);
    expect((await anon.get(`/api/v1/accounts/${b.id}`)).body.followers_count).toBe(0);
  });

  it('following yourself is refused; following a missing account is 404', async () => {
    expect((await alice.api.post(`/api/v1/accounts/${alice.id}/follow`)).status).toBe(403);
    expect((await alice.api.post('/api/v1/accounts/999999/follow')).status).toBe(404);
  });

  it('followers and following list accounts', async () => {
    const a = await registerUser(server.url);
    const b = await registerUser(server.url);
    const c = await registerUser(server.url);
    await a.api.post(`/api/v1/accounts/${c.id}/follow`);
    await b.api.post(`/api/v1/accounts/${c.id}/follow`);
    const followers = await anon.get(`/api/v1/accounts/${c.id}/followers`);
    expect(followers.body.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    const following = await anon.get(`/api/v1/accounts/${a.id}/following`);
    expect(following.body.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('followers paginate with a working Link header', async () => {
    const target = await registerUser(server.url);
    const fans = await Promise.all([0, 1, 2].map(() => registerUser(server.url)));
    for (const f of fans) await f.api.post(`/api/v1/accounts/${target.id}/follow`);
    const first = await anon.get(`/api/v1/accounts/${target.id}/followers?limit=2`);
    expect(first.body).toHaveLength(2);
    const next = await anon.get(parseLink(first.headers.get('link')).next);
    expect(next.body).toHaveLength(1);
    const seen = [...first.body, ...next.body].map((x: { id: string }) => x.id).sort();
    expect(seen).toEqual(fans.map((f) => f.id).sort());
    const prev = await anon.get(parseLink(next.headers.get('link')).prev);
    expect(prev.body.map((x: { id: string }) => x.id)).toEqual(first.body.map((x: { id: string }) => x.id));
  });

  it('relationships takes id[] arrays and answers in order', async () => {
    const a = await registerUser(server.url);
    const b = await registerUser(server.url);
    const c = await registerUser(server.url);
    await a.api.post(`/api/v1/accounts/${b.id}/follow`);
    await c.api.post(`/api/v1/accounts/${a.id}/follow`);
    const res = await a.api.get(`/api/v1/accounts/relationships?id[]=${c.id}&id[]=${b.id}`);
    expect(res.status).toBe(200);
    expect(
      res.body.map((r: { id: string; following: boolean; followed_by: boolean }) => [
        r.id,
        r.following,
        r.followed_by,
      ]),
    ).toEqual([
      [c.id, false, true],
      [b.id, true, false],
    ]);
    const single = await a.api.get(`/api/v1/accounts/relationships?id=${b.id}`);
    expect(single.body).toHaveLength(1);
  });
});
