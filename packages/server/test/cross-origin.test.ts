import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';
import { webSignUp } from './support/web-session';
import { WsClient } from './support/ws';

/**
 * The session cookie is shared by every port of a host, so a page on another port must not be
 * able to use it: no credentialed CORS anywhere, and a cookie on a request from another origin
 * counts for nothing (the request is anonymous). Tokens keep working from any origin.
 */
let server: TestServer;
let own: string;
const FOREIGN = 'http://127.0.0.1:1';
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  own = new URL(server.url).origin;
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

interface Session {
  cookie: string;
  csrf: string;
  token: string;
  statusId: string;
  /** The stream position before the status was posted: a stream resumed from it replays the status. */
  before: string;
}

/** A web session (cookie + CSRF) whose user has posted one status, plus an OAuth token of the same user. */
async function signedIn(): Promise<Session> {
  const { cookie, csrf, name } = await webSignUp(server.url);
  const before = (await (await fetch(`${server.url}/api/v1/streaming/position`)).json()).last_event_id;
  const posted = await fetch(`${server.url}/api/v1/statuses`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', origin: own },
    body: JSON.stringify({ status: 'only my followers see this', visibility: 'private' }),
  });
  expect(posted.status).toBe(200);
  const token = await passwordToken(name);
  return { cookie, csrf, token, statusId: (await posted.json()).id, before };
}

/** An OAuth token through the consent form, as a Mastodon app on another origin would get one. */
async function passwordToken(login: string): Promise<string> {
  const app = await (
    await fetch(`${server.url}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read' }),
    })
  ).json();
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: app.client_id,
    redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
    scope: 'read',
    decision: 'approve',
    login,
    password: 'correct horse battery',
  });
  const page = await (await fetch(`${server.url}/oauth/authorize`, { method: 'POST', body: form })).text();
  const code = /<code id="code">([^<]+)</.exec(page)![1];
  const tok = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
    }),
  });
  return (await tok.json()).access_token;
}

async function sse(path: string, headers: Record<string, string>): Promise<SseClient> {
  const c = new SseClient(`${server.url}${path}`, headers);
  open.push(c);
  await c.opened;
  return c;
}

function ws(query: string, opts: ConstructorParameters<typeof WsClient>[1]): WsClient {
  const c = new WsClient(`${server.url.replace(/^http/, 'ws')}/api/v1/streaming?${query}`, opts);
  open.push(c);
  return c;
}

const updateIds = (events: { event?: string; data?: string; payload?: string }[]) =>
  events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data ?? e.payload!).id);

describe('server-sent events', () => {
  it('answer Access-Control-Allow-Origin * and never allow credentials, whatever the Origin', async () => {
    for (const origin of [FOREIGN, own]) {
      const res = await fetch(`${server.url}/api/v1/streaming/public`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      await res.body?.cancel();
    }
  });

  it('a cookie from another origin is anonymous: the user stream answers 401', async () => {
    const me = await signedIn();
    const c = await sse('/api/v1/streaming/user', { cookie: me.cookie, origin: FOREIGN });
    expect(c.status).toBe(401);
  });

  it('a cookie from the own origin streams the private status', async () => {
    const me = await signedIn();
    const c = await sse(`/api/v1/streaming/user?last_event_id=${me.before}`, {
      cookie: me.cookie,
      origin: own,
    });
    expect(c.status).toBe(200);
    await c.waitFor((e) => updateIds(e).includes(me.statusId));
  });

  it('a token from another origin streams the private status', async () => {
    const me = await signedIn();
    const c = await sse(`/api/v1/streaming/user?last_event_id=${me.before}`, {
      authorization: `Bearer ${me.token}`,
      origin: FOREIGN,
    });
    expect(c.status).toBe(200);
    await c.waitFor((e) => updateIds(e).includes(me.statusId));
  });
});

describe('WebSocket', () => {
  it('a cookie from another origin is anonymous: the user stream is refused', async () => {
    const me = await signedIn();
    const c = ws(`stream=user&since_id=${me.before}`, { headers: { cookie: me.cookie, origin: FOREIGN } });
    const [msg] = await c.waitFor((m) => m.length > 0);
    expect(msg.error).toBe('Error: Missing access token');
    expect(updateIds(c.messages)).toEqual([]);
  });

  it('a cookie from the own origin streams the private status', async () => {
    const me = await signedIn();
    const c = ws(`stream=user&since_id=${me.before}`, { headers: { cookie: me.cookie, origin: own } });
    await c.waitFor((m) => updateIds(m).includes(me.statusId));
  });

  it.each([
    ['Sec-WebSocket-Protocol', (s: Session) => ({ protocols: [s.token] })],
    ['access_token', () => ({})],
  ])('a token in %s from another origin streams the private status', async (how, extra) => {
    const me = await signedIn();
    const query = `stream=user&since_id=${me.before}${how === 'access_token' ? `&access_token=${me.token}` : ''}`;
    const c = ws(query, { headers: { origin: FOREIGN }, ...extra(me) });
    await c.waitFor((m) => updateIds(m).includes(me.statusId));
  });
});

describe('the rest of the API', () => {
  it('a cookie from another origin reads as anonymous', async () => {
    const me = await signedIn();
    const read = (origin: string) =>
      fetch(`${server.url}/api/v1/accounts/verify_credentials`, { headers: { cookie: me.cookie, origin } });
    expect((await read(FOREIGN)).status).toBe(401);
    expect((await read(own)).status).toBe(200);
  });

  it('sign_out from another origin is refused and the session lives on', async () => {
    const me = await signedIn();
    const out = await fetch(`${server.url}/api/v1/auth/sign_out`, {
      method: 'POST',
      headers: { cookie: me.cookie, origin: FOREIGN },
    });
    expect(out.status).toBe(403);
    expect(out.headers.get('set-cookie')).toBeNull();
    const still = await fetch(`${server.url}/api/v1/accounts/verify_credentials`, {
      headers: { cookie: me.cookie },
    });
    expect(still.status).toBe(200);
  });

  it('no response allows credentials', async () => {
    const me = await signedIn();
    const responses = await Promise.all([
      fetch(`${server.url}/api/v1/timelines/public`, { headers: { origin: FOREIGN, cookie: me.cookie } }),
      fetch(`${server.url}/api/v1/statuses`, {
        method: 'OPTIONS',
        headers: { origin: FOREIGN, 'access-control-request-method': 'POST' },
      }),
      fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { origin: FOREIGN } }),
    ]);
    for (const res of responses) expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
