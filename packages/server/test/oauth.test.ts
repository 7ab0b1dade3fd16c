import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import {
  type AppEntity,
  approve,
  appToken,
  authorizeUser,
  createApp,
  encodeBody,
  OOB,
  pkcePair,
  userWithScopes,
} from './support/oauth';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let anon: Api;
let alice: Awaited<ReturnType<typeof registerUser>>;
const REDIRECT = 'https://client.example/callback';

beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
  alice = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/v1/apps', () => {
  it.each(['json', 'form', 'multipart'] as const)('registers an app from a %s body', async (kind) => {
    const res = await anon.post(
      '/api/v1/apps',
      encodeBody(kind, {
        client_name: `app-${kind}`,
        redirect_uris: [REDIRECT, OOB],
        scopes: 'read write:statuses',
        website: 'https://x.example',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: `app-${kind}`,
      scopes: ['read', 'write:statuses'],
      redirect_uris: [REDIRECT, OOB],
      website: 'https://x.example',
    });
    expect(res.body.client_id).toMatch(/\S{20,}/);
    expect(res.body.client_secret).toMatch(/\S{20,}/);
  });

  it('defaults scopes to read', async () => {
    const res = await anon.post('/api/v1/apps', { client_name: 'x', redirect_uris: OOB });
    expect(res.body.scopes).toEqual(['read']);
  });

  it.each([
    [
      'an unknown scope',
      { client_name: 'x', redirect_uris: OOB, scopes: 'read admin:everything' },
      [400, 422],
    ],
    ['a missing client_name', { redirect_uris: OOB, scopes: 'read' }, [422]],
    ['a relative redirect URI', { client_name: 'x', redirect_uris: '/callback', scopes: 'read' }, [422]],
  ])('refuses %s', async (_name, body, statuses) => {
    const res = await anon.post('/api/v1/apps', body);
    expect(statuses).toContain(res.status);
    expect(typeof res.body.error).toBe('string');
  });

  it('verify_credentials answers for an app token', async () => {
    const app = await createApp(server.url, 'read write');
    const res = await anon.as(await appToken(server.url, app, 'read')).get('/api/v1/apps/verify_credentials');
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('tests');
  });
});

describe('authorization code flow with PKCE', () => {
  let app: AppEntity;
  beforeAll(async () => {
    app = await createApp(server.url, 'read write follow', REDIRECT);
  });

  it('GET /oauth/authorize renders a login and consent form', async () => {
    const { challenge } = pkcePair();
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      scope: 'read write',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
    });
    const res = await fetch(`${server.url}/oauth/authorize?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<form method="post" action="\/oauth\/authorize">/);
    expect(html).toContain('name="login"');
    expect(html).toContain('name="password"');
    expect(html).toContain('value="approve"');
    expect(html).toContain(`name="code_challenge" value="${challenge}"`);
    expect(html).toContain('name="state" value="xyz"');
  });

  it.each([
    ['an unknown client_id', { client_id: 'nope' }],
    ['a redirect URI the app did not register', { redirect_uri: 'https://evil.example/' }],
    ['a scope beyond the app', { scope: 'read push' }],
  ])('GET /oauth/authorize refuses %s', async (_n, override) => {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      scope: 'read',
      ...override,
    });
    const res = await fetch(`${server.url}/oauth/authorize?${q}`);
    expect(res.status).toBe(400);
  });

  it('approving redirects with a code and the state; the code is exchanged exactly once', async () => {
    const { verifier, challenge } = pkcePair();
    const res = await approve(server.url, app, {
      login: alice.username,
      scope: 'read write',
      challenge,
      state: 's1',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code')!;
    expect(code).toBeTruthy();
    const exchange = () =>
      anon.post('/oauth/token', {
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    const me = await anon.as(first.body.access_token).get('/api/v1/accounts/verify_credentials');
    expect(me.body.username).toBe(alice.username);
    const second = await exchange();
    expect(second.status).toBe(400);
    expect(typeof second.body.error).toBe('string');
  });

  it('refuses a wrong code_verifier', async () => {
    const { challenge } = pkcePair();
    const res = await approve(server.url, app, { login: alice.username, challenge });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const tok = await anon.post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      code_verifier: pkcePair().verifier,
    });
    expect(tok.status).toBe(400);
  });

  it('refuses a PKCE code exchanged without any verifier', async () => {
    const { challenge } = pkcePair();
    const res = await approve(server.url, app, { login: alice.username, challenge });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const tok = await anon.post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: REDIRECT,
    });
    expect(tok.status).toBe(400);
  });

  it('a confidential client exchanges a code with its secret (no PKCE), from a form body', async () => {
    const res = await approve(server.url, app, { login: alice.username });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const tok = await anon.post(
      '/oauth/token',
      new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: REDIRECT,
      }),
    );
    expect(tok.status).toBe(200);
    expect(tok.body.access_token).toBeTruthy();
  });

  it.each([
    ['with a made-up code_verifier', { code_verifier: pkcePair().verifier }],
    ['with nothing', {}],
    [
      'with a wrong secret and a code_verifier',
      { client_secret: 'nope', code_verifier: pkcePair().verifier },
    ],
  ])(
    'refuses a code issued without PKCE exchanged without the client secret, %s (401 invalid_client)',
    async (_n, extra) => {
      const res = await approve(server.url, app, { login: alice.username });
      const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
      const tok = await anon.post('/oauth/token', {
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        redirect_uri: REDIRECT,
        ...extra,
      });
      expect(tok.status).toBe(401);
      expect(tok.body.error).toMatch(/Client authentication failed/);
      expect(tok.body.access_token).toBeUndefined();
    },
  );

  it('a PKCE code with its verifier and a wrong client secret is refused', async () => {
    const { verifier, challenge } = pkcePair();
    const res = await approve(server.url, app, { login: alice.username, challenge });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const tok = await anon.post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      client_id: app.client_id,
      client_secret: 'nope',
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(tok.status).toBe(401);
  });

  it('a wrong password re-renders the form with 401 and issues no code', async () => {
    const res = await approve(server.url, app, { login: alice.username, password: 'wrong password!' });
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(/role="alert"/);
  });

  it('deny redirects with error=access_denied', async () => {
    const res = await approve(server.url, app, { login: alice.username, decision: 'deny', state: 'd' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('the out-of-band redirect shows the code in the page, and it works', async () => {
    const oob = await createApp(server.url, 'read', OOB);
    const { verifier, challenge } = pkcePair();
    const res = await approve(server.url, oob, { login: alice.username, challenge });
    expect(res.status).toBe(200);
    const html = await res.text();
    const code = /<code id="code">([^<]+)<\/code>/.exec(html)?.[1];
    expect(code).toBeTruthy();
    const tok = await anon.post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      client_id: oob.client_id,
      redirect_uri: OOB,
      code_verifier: verifier,
    });
    expect(tok.status).toBe(200);
  });
});

describe('tokens', () => {
  it('client_credentials gives an app token that is not a user', async () => {
    const app = await createApp(server.url, 'read write');
    const token = await appToken(server.url, app, 'read');
    expect((await anon.as(token).get('/api/v1/apps/verify_credentials')).status).toBe(200);
    expect((await anon.as(token).get('/api/v1/accounts/verify_credentials')).status).toBe(401);
  });

  it('client_credentials refuses a wrong secret with 401', async () => {
    const app = await createApp(server.url, 'read');
    const res = await anon.post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: 'nope',
      scope: 'read',
    });
    expect(res.status).toBe(401);
  });

  it('client_credentials accepts HTTP Basic client authentication', async () => {
    const app = await createApp(server.url, 'read');
    const basic = Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64');
    const res = await anon.request(
      'POST',
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'read' },
      { authorization: `Basic ${basic}` },
    );
    expect(res.status).toBe(200);
  });

  it('a malformed HTTP Basic header is 401, not 500', async () => {
    const basic = Buffer.from('%E0%A4%A:%zz').toString('base64');
    const res = await anon.request(
      'POST',
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'read' },
      { authorization: `Basic ${basic}` },
    );
    expect(res.status).toBe(401);
  });

  it('POST /oauth/revoke makes the token 401', async () => {
    const app = await createApp(server.url, 'read write', REDIRECT);
    const token = await authorizeUser(server.url, app, alice.username, 'read');
    const api = anon.as(token);
    expect((await api.get('/api/v1/accounts/verify_credentials')).status).toBe(200);
    const res = await anon.post('/oauth/revoke', {
      client_id: app.client_id,
      client_secret: app.client_secret,
      token,
    });
    expect(res.status).toBe(200);
    const after = await api.get('/api/v1/accounts/verify_credentials');
    expect(after.status).toBe(401);
    expect(typeof after.body.error).toBe('string');
  });

  it('another app cannot revoke a token it did not issue', async () => {
    const app = await createApp(server.url, 'read', REDIRECT);
    const other = await createApp(server.url, 'read');
    const token = await authorizeUser(server.url, app, alice.username, 'read');
    await anon.post('/oauth/revoke', {
      client_id: other.client_id,
      client_secret: other.client_secret,
      token,
    });
    expect((await anon.as(token).get('/api/v1/accounts/verify_credentials')).status).toBe(200);
  });

  it('an unknown bearer token is 401', async () => {
    const res = await anon.as('not-a-token').get('/api/v1/timelines/public');
    expect(res.status).toBe(401);
  });
});

describe('scopes', () => {
  it('a read-only token cannot post (403) but can read', async () => {
    const app = await createApp(server.url, 'read write', REDIRECT);
    const api = anon.as(await authorizeUser(server.url, app, alice.username, 'read'));
    expect((await api.get('/api/v1/timelines/home')).status).toBe(200);
    const res = await api.post('/api/v1/statuses', { status: 'nope' });
    expect(res.status).toBe(403);
    expect(typeof res.body.error).toBe('string');
  });

  it('read:statuses reads timelines but not notifications', async () => {
    const { api } = await userWithScopes(server.url, 'read:statuses');
    expect((await api.get('/api/v1/timelines/home')).status).toBe(200);
    expect((await api.get('/api/v1/notifications')).status).toBe(403);
  });

  it('write:statuses posts but cannot follow', async () => {
    const { api } = await userWithScopes(server.url, 'write:statuses');
    expect((await api.post('/api/v1/statuses', { status: 'scoped' })).status).toBe(200);
    expect((await api.post(`/api/v1/accounts/${alice.id}/follow`)).status).toBe(403);
  });

  it('follow covers write:follows and read:follows', async () => {
    const { api } = await userWithScopes(server.url, 'follow');
    expect((await api.post(`/api/v1/accounts/${alice.id}/follow`)).status).toBe(200);
    expect((await api.get(`/api/v1/accounts/relationships?id[]=${alice.id}`)).body[0].following).toBe(true);
  });

  it('an app may not grant a token more than it registered', async () => {
    const app = await createApp(server.url, 'read');
    const res = await anon.post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: app.client_secret,
      scope: 'read write',
    });
    expect(res.status).toBe(400);
  });
});
