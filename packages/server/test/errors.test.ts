import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { countRows } from './support/db';
import { startTestServer, type TestServer } from './support/test-server';
import { webSignUp } from './support/web-session';

let server: TestServer;
let anon: Api;
let user: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
  user = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

const raw = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(server.url + path, { ...init, headers: { authorization: `Bearer ${user.token}`, ...init.headers } });

describe('error responses', () => {
  it.each([
    [
      'malformed JSON',
      () =>
        raw('/api/v1/statuses', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"status": ',
        }),
      400,
    ],
    [
      'an empty JSON body',
      () =>
        raw('/api/v1/statuses', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '',
        }),
      400,
    ],
    [
      'a body over 1 MB',
      () =>
        raw('/api/v1/statuses', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'x'.repeat(1_100_000) }),
        }),
      413,
    ],
    [
      'an unsupported content type',
      () =>
        raw('/api/v1/statuses', {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: '<status/>',
        }),
      415,
    ],
    ['an unknown API route', () => raw('/api/v1/nothing/here'), 404],
    ['an unknown API route (anonymous)', () => fetch(`${server.url}/api/v9/whatever`), 404],
    [
      'an unknown method on a route',
      () =>
        raw('/api/v1/statuses', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      404,
    ],
    ['a non-numeric status id', () => raw('/api/v1/statuses/abc'), 404],
    ['a missing status', () => raw('/api/v1/statuses/123456789'), 404],
    ['a bad token', () => raw('/api/v1/timelines/home', { headers: { authorization: 'Bearer nope' } }), 401],
    ['a bad pagination parameter', () => raw('/api/v1/timelines/public?max_id=abc'), 422],
  ])('%s → %i with {"error": string} only', async (_n, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error).toBe('string');
    expect(body.error.length).toBeGreaterThan(0);
  });

  it('a refused oversized post writes nothing', async () => {
    const before = await countRows(server, 'statuses');
    await raw('/api/v1/statuses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'x'.repeat(1_100_000) }),
    });
    expect(await countRows(server, 'statuses')).toBe(before);
  });

  it('registration errors add Mastodon details beside error', async () => {
    const app = (
      await anon.post('/api/v1/apps', {
        client_name: 'x',
        redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
        scopes: 'write',
      })
    ).body;
    const tok = (
      await anon.post('/oauth/token', {
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: 'write',
      })
    ).body;
    const res = await anon
      .as(tok.access_token)
      .post('/api/v1/accounts', { username: '!', email: 'x', password: 'x', agreement: true, locale: 'en' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body).sort()).toEqual(['details', 'error']);
  });

  it('CORS preflight answers for API routes', async () => {
    const res = await fetch(`${server.url}/api/v1/statuses`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
  });
});

describe('cookie sessions and CSRF', () => {
  const signUp = () => webSignUp(server.url);

  it('reads with the cookie alone', async () => {
    const { cookie, name } = await signUp();
    const res = await fetch(`${server.url}/api/v1/accounts/verify_credentials`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await res.json()).username).toBe(name);
  });

  it('a cookie write without X-CSRF-Token is 403 and writes nothing; with it, 200', async () => {
    const { cookie, csrf } = await signUp();
    const before = await countRows(server, 'statuses');
    const send = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ status: 'from the web' }),
      });
    const without = await send({});
    expect(without.status).toBe(403);
    expect(Object.keys(await without.json())).toEqual(['error']);
    expect((await send({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect(await countRows(server, 'statuses')).toBe(before);
    expect((await send({ 'x-csrf-token': csrf })).status).toBe(200);
    expect(await countRows(server, 'statuses')).toBe(before + 1);
  });

  it('sign_out ends the session', async () => {
    const { cookie, csrf } = await signUp();
    await fetch(`${server.url}/api/v1/auth/sign_out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(
      (await fetch(`${server.url}/api/v1/accounts/verify_credentials`, { headers: { cookie } })).status,
    ).toBe(401);
  });
});

describe('rate limits', () => {
  it('the 6th request in the window is 429 with X-RateLimit headers', async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MAX: '5' } });
    try {
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 6; i++) {
        last = await fetch(`${limited.url}/api/v1/timelines/public`);
        statuses.push(last.status);
        if (i === 0) {
          expect(last.headers.get('x-ratelimit-limit')).toBe('5');
          expect(last.headers.get('x-ratelimit-remaining')).toBe('4');
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(last!.headers.get('x-ratelimit-limit')).toBe('5');
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
      const reset = Date.parse(last!.headers.get('x-ratelimit-reset')!);
      expect(reset).toBeGreaterThan(Date.now());
      expect(Object.keys(await last!.json())).toEqual(['error']);
      // Not the API: health checks are never limited.
      expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('metrics', () => {
  it('/metrics exposes the Hashchat counters and request counts', async () => {
    await user.api.post('/api/v1/statuses', { status: 'counted' });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/^hashchat_statuses_created_total (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    for (const name of [
      'hashchat_streams_open',
      'hashchat_stream_events_delivered_total',
      'hashchat_stream_dropped_slow_total',
    ]) {
      expect(text).toMatch(new RegExp(`^${name} \\d+`, 'm'));
    }
    expect(text).toMatch(
      /^hashchat_http_requests_total\{method="POST",route="\/api\/v1\/statuses",status="200"\} \d+/m,
    );
  });
});
