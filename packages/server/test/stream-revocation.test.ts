import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suspendAccount } from '../src/services/accounts';
import { Api } from './support/client';
import { authorizeUser, createApp, revokeAs, userWithScopes } from './support/oauth';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';
import { webSignUp } from './support/web-session';
import { WsClient, within } from './support/ws';

// A stream lives as long as the credential it was opened with: revoking the token, signing out
// or suspending the account closes it at once, and nothing sent afterwards reaches it.
type User = Awaited<ReturnType<typeof userWithScopes>>;
const REDIRECT = 'https://client.example/callback';
let server: TestServer;
let sender: User;
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  sender = await userWithScopes(server.url, 'read write');
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

function sse(path: string, headers: Record<string, string>): SseClient {
  const c = new SseClient(`${server.url}${path}`, headers);
  open.push(c);
  return c;
}
function ws(token: string, stream = 'user'): WsClient {
  const c = new WsClient(`${server.url.replace(/^http/, 'ws')}/api/v1/streaming?stream=${stream}&ack=true`, {
    headers: { authorization: `Bearer ${token}` },
  });
  open.push(c);
  return c;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const wsClosed = (c: WsClient) =>
  new Promise<number>((resolve) => {
    if (c.closed) resolve(c.socket.readyState);
    c.socket.once('close', (code) => resolve(code));
  });
async function dm(to: User, text: string): Promise<string> {
  const res = await sender.api.post('/api/v1/statuses', {
    status: `@${to.username} ${text}`,
    visibility: 'direct',
  });
  expect(res.status).toBe(200);
  return res.body.id;
}
/** The status each update or notification is about. */
const statusOf = (data: string) => {
  const x = JSON.parse(data);
  return (x.status?.id ?? x.id) as string;
};

describe('revoking a token closes its streams', () => {
  it('an SSE user stream and a WebSocket opened with the token close within a second of /oauth/revoke; DMs after it are not delivered', async () => {
    const me = await userWithScopes(server.url, 'read write');
    const app = await createApp(server.url, 'read write', REDIRECT);
    const token = await authorizeUser(server.url, app, me.username, 'read write');
    const stream = sse('/api/v1/streaming/user', bearer(token));
    const socket = ws(token);
    // Another token of the same person keeps its stream: only what the revoked token opened closes.
    const other = sse('/api/v1/streaming/user', bearer(me.token));
    await Promise.all([stream.live, socket.subscribed(), other.live]);
    const first = await dm(me, 'before');
    await stream.waitFor((e) => e.some((x) => x.event === 'notification'));
    await socket.waitFor((m) => m.some((x) => x.event === 'notification'));

    expect(await revokeAs(server.url, app, token)).toBe(200);
    const [, code] = await within(1000, Promise.all([stream.ended, wsClosed(socket)]));
    expect(code).toBe(1008);

    const secret = await dm(me, 'after the revocation');
    await other.waitFor((e) => e.some((x) => x.event === 'update' && JSON.parse(x.data).id === secret));
    const streamed = stream.events.filter((e) => e.event !== 'delete').map((e) => statusOf(e.data));
    const socketed = socket.messages.filter((m) => m.payload).map((m) => statusOf(m.payload!));
    expect(new Set(streamed)).toEqual(new Set([first]));
    expect(new Set(socketed)).toEqual(new Set([first]));
    expect(other.status).toBe(200);
    expect((await new Api(server.url, token).get('/api/v1/accounts/verify_credentials')).status).toBe(401);
  });

  it('revoking a token another app issued closes nothing', async () => {
    const me = await userWithScopes(server.url, 'read');
    const app = await createApp(server.url, 'read', REDIRECT);
    const stranger = await createApp(server.url, 'read');
    const token = await authorizeUser(server.url, app, me.username, 'read');
    const stream = sse('/api/v1/streaming/user', bearer(token));
    await stream.opened;
    await revokeAs(server.url, stranger, token);
    await dm(me, 'still here');
    await stream.waitFor((e) => e.some((x) => x.event === 'notification'));
  });
});

describe('signing out closes the session cookie streams', () => {
  it('a stream opened with the cookie ends when that session signs out', async () => {
    const { cookie, csrf } = await webSignUp(server.url);
    const stream = sse('/api/v1/streaming/user', { cookie });
    await stream.opened;
    expect(stream.status).toBe(200);
    await stream.live;
    const out = await fetch(`${server.url}/api/v1/auth/sign_out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(200);
    await within(1000, stream.ended);
  });
});

describe('suspending an account closes every stream it has open', () => {
  it('closes the streams of each of its tokens, and no one else’s', async () => {
    const [me, bystander] = await Promise.all([
      userWithScopes(server.url, 'read write'),
      userWithScopes(server.url, 'read'),
    ]);
    const app = await createApp(server.url, 'read', REDIRECT);
    const second = await authorizeUser(server.url, app, me.username, 'read');
    const streams = [
      sse('/api/v1/streaming/user', bearer(me.token)),
      sse('/api/v1/streaming/public', bearer(second)),
    ];
    const socket = ws(second, 'public');
    const theirs = sse('/api/v1/streaming/user', bearer(bystander.token));
    await Promise.all([...streams.map((s) => s.live), socket.subscribed(), theirs.live]);
    await suspendAccount(server.ctx, Number(me.id));
    await within(1000, Promise.all([...streams.map((s) => s.ended), wsClosed(socket)]));
    await dm(bystander, 'you are still connected');
    await theirs.waitFor((e) => e.some((x) => x.event === 'notification'));
    expect((await me.api.get('/api/v1/accounts/verify_credentials')).status).toBe(401);
  });
});
