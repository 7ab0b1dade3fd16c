import { accountTopic, tagTopic } from '@hashchat/api/topics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';
import { streamOn } from './support/wait';
import { sleep, WsClient } from './support/ws';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let alice: User;
let bob: User;
const open: SseClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { STREAM_HEARTBEAT_SECONDS: '1' } });
  [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

async function stream(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const c = new SseClient(`${server.url}${path}`, headers);
  open.push(c);
  await c.opened;
  await c.live;
  return c;
}
const auth = (u: User) => ({ authorization: `Bearer ${u.token}` });
const updateIds = (c: SseClient) =>
  c.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);

describe('user stream (SSE)', () => {
  it('a follower receives update for a followed account, and not for strangers', async () => {
    const [reader, author, stranger] = await Promise.all([
      registerUser(server.url),
      registerUser(server.url),
      registerUser(server.url),
    ]);
    await reader.api.post(`/api/v1/accounts/${author.id}/follow`);
    const c = await stream('/api/v1/streaming/user', auth(reader));
    expect(c.status).toBe(200);
    await stranger.api.post('/api/v1/statuses', { status: 'not for you' });
    const s = (
      await author.api.post('/api/v1/statuses', { status: 'for my followers', visibility: 'private' })
    ).body;
    // A later status of the same author arrives after anything sent before it: no sleep needed.
    const later = (await author.api.post('/api/v1/statuses', { status: 'later', visibility: 'private' }))
      .body;
    await c.waitFor((e) => e.filter((x) => x.event === 'update').length >= 2);
    expect(updateIds(c)).toEqual([s.id, later.id]);
  });

  it('delivers a notification on mention, with the Notification entity', async () => {
    const c = await stream('/api/v1/streaming/user', auth(bob));
    const s = (await alice.api.post('/api/v1/statuses', { status: `hello @${bob.username}` })).body;
    const events = await c.waitFor((e) => e.some((x) => x.event === 'notification'));
    const n = JSON.parse(events.find((x) => x.event === 'notification')!.data);
    expect(n).toMatchObject({ type: 'mention', account: { id: alice.id }, status: { id: s.id } });
  });

  it('after following someone mid-stream, their statuses arrive', async () => {
    const [reader, author] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    const c = await stream('/api/v1/streaming/user', auth(reader));
    const before = (await author.api.post('/api/v1/statuses', { status: 'before the follow' })).body;
    await reader.api.post(`/api/v1/accounts/${author.id}/follow`);
    await streamOn(server, accountTopic(author.id));
    const after = (await author.api.post('/api/v1/statuses', { status: 'after the follow' })).body;
    const later = (await author.api.post('/api/v1/statuses', { status: 'later' })).body;
    await c.waitFor((e) => e.filter((x) => x.event === 'update').length >= 2);
    expect(updateIds(c)).toEqual([after.id, later.id]);
    expect(updateIds(c)).not.toContain(before.id);
  });

  it('after following a hashtag mid-stream, its statuses arrive', async () => {
    const [reader, author] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    const c = await stream('/api/v1/streaming/user', auth(reader));
    await reader.api.post('/api/v1/tags/MidStream/follow');
    await streamOn(server, tagTopic('midstream'));
    const s = (await author.api.post('/api/v1/statuses', { status: 'about #midstream' })).body;
    await c.waitFor((e) => e.some((x) => x.event === 'update'));
    expect(updateIds(c)).toEqual([s.id]);
  });

  it('after unfollowing mid-stream, their statuses stop', async () => {
    const [reader, author] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    await reader.api.post(`/api/v1/accounts/${author.id}/follow`);
    const c = await stream('/api/v1/streaming/user', auth(reader));
    await reader.api.post(`/api/v1/accounts/${author.id}/unfollow`);
    await streamOn(server, accountTopic(author.id), 0);
    await author.api.post('/api/v1/statuses', { status: 'after the unfollow' });
    const own = (await reader.api.post('/api/v1/statuses', { status: 'mine' })).body;
    const later = (await reader.api.post('/api/v1/statuses', { status: 'mine again' })).body;
    await c.waitFor((e) => e.filter((x) => x.event === 'update').length >= 2);
    expect(updateIds(c)).toEqual([own.id, later.id]);
  });

  it('user:notification carries notifications only', async () => {
    const c = await stream('/api/v1/streaming/user/notification', auth(bob));
    await bob.api.post('/api/v1/statuses', { status: 'my own update' });
    await alice.api.post(`/api/v1/accounts/${bob.id}/follow`);
    await alice.api.post('/api/v1/statuses', { status: `later @${bob.username}` });
    await c.waitFor((e) => e.filter((x) => x.event === 'notification').length >= 2);
    expect(c.events.map((e) => e.event)).toEqual(['notification', 'notification']);
  });

  it.each([
    ['the access_token query', (u: User) => ({ q: `?access_token=${u.token}`, h: {} })],
    ['an Authorization header', (u: User) => ({ q: '', h: auth(u) })],
  ])('takes the token by %s', async (_n, how) => {
    const { q, h } = how(alice);
    const c = await stream(`/api/v1/streaming/user${q}`, h);
    expect(c.status).toBe(200);
  });

  it.each([
    ['no token', ''],
    ['a bad token', '?access_token=nope'],
  ])('refuses %s with 401', async (_n, q) => {
    const res = await fetch(`${server.url}/api/v1/streaming/user${q}`);
    expect(res.status).toBe(401);
    expect(Object.keys(await res.json())).toEqual(['error']);
  });

  it('a token without read scopes is 403', async () => {
    const { userWithScopes } = await import('./support/oauth');
    const u = await userWithScopes(server.url, 'write:statuses');
    const res = await fetch(`${server.url}/api/v1/streaming/user`, { headers: auth(u) });
    expect(res.status).toBe(403);
  });
});

describe('public stream', () => {
  it('delivers public statuses only', async () => {
    const c = await stream('/api/v1/streaming/public');
    await alice.api.post('/api/v1/statuses', { status: 'unlisted', visibility: 'unlisted' });
    await alice.api.post('/api/v1/statuses', { status: 'private', visibility: 'private' });
    const s = (await alice.api.post('/api/v1/statuses', { status: 'public' })).body;
    const later = (await alice.api.post('/api/v1/statuses', { status: 'public again' })).body;
    await c.waitFor((e) => e.filter((x) => x.event === 'update').length >= 2);
    expect(updateIds(c)).toEqual([s.id, later.id]);
  });

  it('PUBLIC_STREAMS=false needs a token', async () => {
    const closed = await startTestServer({ env: { PUBLIC_STREAMS: 'false' } });
    try {
      expect((await fetch(`${closed.url}/api/v1/streaming/public`)).status).toBe(401);
      expect((await fetch(`${closed.url}/api/v1/streaming/hashtag?tag=x`)).status).toBe(401);
    } finally {
      await closed.close();
    }
  });

  it('a hashtag stream without a tag is 400', async () => {
    expect((await fetch(`${server.url}/api/v1/streaming/hashtag`)).status).toBe(400);
  });

  it('streaming/health answers OK', async () => {
    const res = await fetch(`${server.url}/api/v1/streaming/health`);
    expect(await res.text()).toBe('OK');
  });
});

describe('heartbeat', () => {
  it('an idle SSE stream gets a comment every STREAM_HEARTBEAT_SECONDS', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${server.url}/api/v1/streaming/public`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + 3000;
    while (!text.includes(':thump') && Date.now() < deadline) {
      const { value, done } = await Promise.race([
        reader.read(),
        sleep(3000).then(() => ({ value: undefined, done: true })),
      ]);
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    ctrl.abort();
    expect(text).toMatch(/^:thump$/m);
  });

  it('an idle WebSocket gets a ping every STREAM_HEARTBEAT_SECONDS, and stays open after it', async () => {
    const ws = new WsClient(`${server.url.replace('http', 'ws')}/api/v1/streaming?stream=public`);
    await ws.opened;
    const pinged = new Promise<boolean>((resolve) => {
      ws.socket.once('ping', () => resolve(true));
      setTimeout(() => resolve(false), 3000);
    });
    expect(await pinged).toBe(true);
    // A frame the server wrote by hand must leave the stream usable: a status still arrives.
    const { token } = await registerUser(server.url, 'pingpost');
    await fetch(`${server.url}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'after the ping' }),
    });
    await ws.waitFor((m) =>
      m.some((x) => x.event === 'update' && String(x.payload).includes('after the ping')),
    );
    expect(ws.closed).toBe(false);
    ws.close();
  });
});

describe('user and user:notification on one WebSocket (Phanpy and Elk, through masto.js)', () => {
  /** masto.js hands a message only to the subscription its `stream` names, as Mastodon writes one per stream. */
  const names = (ws: WsClient, event: string) =>
    ws.messages.filter((m) => m.event === event).map((m) => JSON.stringify(m.stream));

  async function socket(...streams: string[]): Promise<WsClient> {
    const ws = new WsClient(`${server.url.replace('http', 'ws')}/api/v1/streaming?access_token=${bob.token}`);
    await ws.opened;
    for (const stream of streams) await ws.subscribe({ stream });
    return ws;
  }

  it.each([
    ['user first', ['user', 'user:notification']],
    ['user:notification first', ['user:notification', 'user']],
  ])(
    'a notification goes out once under each stream name, an update only under user (%s)',
    async (_n, streams) => {
      const ws = await socket(...streams);
      await bob.api.post('/api/v1/statuses', { status: 'my own update' });
      await alice.api.post('/api/v1/statuses', { status: `hello @${bob.username}` });
      await ws.waitFor((m) => m.filter((x) => x.event === 'notification').length >= 2);
      await ws.waitFor((m) => m.some((x) => x.event === 'update'));
      expect(names(ws, 'notification').sort()).toEqual(['["user"]', '["user:notification"]']);
      expect(names(ws, 'update')).toEqual(['["user"]']);
      ws.close();
    },
  );

  it('after unsubscribing user:notification, user still gets the notification, once', async () => {
    const ws = await socket('user', 'user:notification');
    await ws.unsubscribe({ stream: 'user:notification' });
    await alice.api.post('/api/v1/statuses', { status: `again @${bob.username}` });
    await ws.waitFor((m) => m.some((x) => x.event === 'notification'));
    await bob.api.post('/api/v1/statuses', { status: 'a later update' });
    await ws.waitFor((m) => m.some((x) => x.event === 'update'));
    expect(names(ws, 'notification')).toEqual(['["user"]']);
    ws.close();
  });
});
