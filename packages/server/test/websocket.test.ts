import { accountTopic, tagTopic } from '@hashchat/api/topics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';
import { streamOn, waitFor } from './support/wait';
import { WsClient, type WsMessage } from './support/ws';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let wsUrl: string;
let alice: User;
let bob: User;
const open: WsClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `${server.url.replace(/^http/, 'ws')}/api/v1/streaming`;
  [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

function client(url = wsUrl, opts: ConstructorParameters<typeof WsClient>[1] = {}): WsClient {
  const c = new WsClient(url, opts);
  open.push(c);
  return c;
}
const updates = (m: WsMessage[]) => m.filter((x) => x.event === 'update');

describe('WebSocket /api/v1/streaming', () => {
  it('subscribe to a hashtag delivers {stream, event, payload} with the payload a JSON string', async () => {
    const c = client();
    await c.opened;
    await c.subscribe({ stream: 'hashtag', tag: 'WsTag' });
    const posted = (await alice.api.post('/api/v1/statuses', { status: 'over the socket #wstag' })).body;
    const [msg] = updates(await c.waitFor((m) => updates(m).length > 0));
    expect(msg.stream).toEqual(['hashtag', 'WsTag']);
    expect(typeof msg.payload).toBe('string');
    expect(JSON.parse(msg.payload!).id).toBe(posted.id);
  });

  it('acknowledges a subscription only when asked, with the stream name (Mastodon clients never ask)', async () => {
    const c = client();
    await c.opened;
    c.send({ type: 'subscribe', stream: 'hashtag', tag: 'wsquiet' });
    await c.subscribe({ stream: 'hashtag', tag: 'WsAsked' });
    await c.unsubscribe({ stream: 'hashtag', tag: 'WsAsked' });
    expect(c.messages).toEqual([
      { event: 'hashchat.subscribed', stream: ['hashtag', 'WsAsked'] },
      { event: 'hashchat.unsubscribed', stream: ['hashtag', 'WsAsked'] },
    ]);
  });

  it('does not deliver statuses of other tags', async () => {
    const c = client();
    await c.opened;
    await c.subscribe({ stream: 'hashtag', tag: 'onlythis' });
    await alice.api.post('/api/v1/statuses', { status: 'elsewhere #notthis' });
    const mine = (await alice.api.post('/api/v1/statuses', { status: 'here #onlythis' })).body;
    // A later status of the tag arrives after anything sent before it: the check needs no sleep.
    const later = (await alice.api.post('/api/v1/statuses', { status: 'later #onlythis' })).body;
    const msgs = await c.waitFor((m) => updates(m).length >= 2);
    expect(updates(msgs).map((m) => JSON.parse(m.payload!).id)).toEqual([mine.id, later.id]);
  });

  it('sends delete with the bare id as payload', async () => {
    const c = client();
    await c.opened;
    await c.subscribe({ stream: 'hashtag', tag: 'wsgone' });
    const s = (await alice.api.post('/api/v1/statuses', { status: 'soon gone #wsgone' })).body;
    await alice.api.delete(`/api/v1/statuses/${s.id}`);
    const msgs = await c.waitFor((m) => m.some((x) => x.event === 'delete'));
    expect(msgs.find((x) => x.event === 'delete')!.payload).toBe(s.id);
  });

  it('since_id resumes: missed statuses once, in order, then live', async () => {
    const first = client();
    await first.opened;
    await first.subscribe({ stream: 'hashtag', tag: 'wsresume' });
    await alice.api.post('/api/v1/statuses', { status: 'seen #wsresume' });
    const [seen] = updates(await first.waitFor((m) => updates(m).length > 0));
    first.close();
    const missed: string[] = [];
    for (let i = 0; i < 3; i++)
      missed.push((await alice.api.post('/api/v1/statuses', { status: `missed ${i} #wsresume` })).body.id);
    const second = client();
    await second.opened;
    await second.subscribe({ stream: 'hashtag', tag: 'wsresume', since_id: seen.id });
    await second.waitFor((m) => updates(m).length >= 3);
    const live = (await alice.api.post('/api/v1/statuses', { status: 'live #wsresume' })).body.id;
    const msgs = await second.waitFor((m) => updates(m).length >= 4);
    expect(updates(msgs).map((m) => JSON.parse(m.payload!).id)).toEqual([...missed, live]);
  });

  it('stream in the query string subscribes at once', async () => {
    const c = client(`${wsUrl}?stream=hashtag&tag=wsquery&ack=true`);
    await c.opened;
    await c.waitFor((m) => m.some((x) => x.event === 'hashchat.subscribed'));
    const s = (await alice.api.post('/api/v1/statuses', { status: '#wsquery' })).body;
    const [msg] = updates(await c.waitFor((m) => updates(m).length > 0));
    expect(JSON.parse(msg.payload!).id).toBe(s.id);
  });

  it('unsubscribe stops delivery', async () => {
    const c = client();
    await c.opened;
    await c.subscribe({ stream: 'hashtag', tag: 'wsunsub' });
    await c.subscribe({ stream: 'hashtag', tag: 'wsstay' });
    await c.unsubscribe({ stream: 'hashtag', tag: 'wsunsub' });
    await alice.api.post('/api/v1/statuses', { status: '#wsunsub' });
    const stay = (await alice.api.post('/api/v1/statuses', { status: '#wsstay' })).body;
    const later = (await alice.api.post('/api/v1/statuses', { status: 'later #wsstay' })).body;
    const msgs = await c.waitFor((m) => updates(m).length >= 2);
    expect(updates(msgs).map((m) => JSON.parse(m.payload!).id)).toEqual([stay.id, later.id]);
  });

  it('two hashtag subscriptions on one socket each get their own stream name', async () => {
    const c = client();
    await c.opened;
    await c.subscribe({ stream: 'hashtag', tag: 'wsone' });
    await c.subscribe({ stream: 'hashtag', tag: 'wstwo' });
    await alice.api.post('/api/v1/statuses', { status: '#wsone' });
    await alice.api.post('/api/v1/statuses', { status: '#wstwo' });
    const msgs = updates(await c.waitFor((m) => updates(m).length >= 2));
    expect(msgs.map((m) => m.stream)).toEqual([
      ['hashtag', 'wsone'],
      ['hashtag', 'wstwo'],
    ]);
  });

  it.each([
    [
      'an Authorization header',
      (t: string) => ({ url: wsUrl, opts: { headers: { authorization: `Bearer ${t}` } } }),
    ],
    ['the access_token query', (t: string) => ({ url: `${wsUrl}?access_token=${t}`, opts: {} })],
    ['the Sec-WebSocket-Protocol header', (t: string) => ({ url: wsUrl, opts: { protocols: [t] } })],
  ])('the user stream takes the token by %s', async (_n, how) => {
    const { url, opts } = how(bob.token);
    const c = client(url, opts);
    await c.opened;
    await c.subscribe({ stream: 'user' });
    const s = (await bob.api.post('/api/v1/statuses', { status: 'my own, on my home' })).body;
    const [msg] = updates(await c.waitFor((m) => updates(m).length > 0));
    expect(msg.stream).toEqual(['user']);
    expect(JSON.parse(msg.payload!).id).toBe(s.id);
  });

  it('a user stream subscribed by message follows accounts followed mid-stream', async () => {
    const [reader, author] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    const c = client(`${wsUrl}?access_token=${reader.token}`);
    await c.opened;
    await c.subscribe({ stream: 'user' });
    await reader.api.post(`/api/v1/accounts/${author.id}/follow`);
    await streamOn(server, accountTopic(author.id));
    const s = (await author.api.post('/api/v1/statuses', { status: 'now followed' })).body;
    const [msg] = updates(await c.waitFor((m) => updates(m).length > 0));
    expect(JSON.parse(msg.payload!).id).toBe(s.id);
  });

  it("unfollowing a hashtag drops it from the user stream but keeps the socket's own hashtag subscription", async () => {
    const [reader, author] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    await reader.api.post('/api/v1/tags/wskept/follow');
    await reader.api.post('/api/v1/tags/wsdropped/follow');
    const c = client(`${wsUrl}?access_token=${reader.token}`);
    await c.opened;
    await c.subscribe({ stream: 'hashtag', tag: 'wskept' });
    await c.subscribe({ stream: 'user' });
    await reader.api.post('/api/v1/tags/wskept/unfollow');
    await reader.api.post('/api/v1/tags/wsdropped/unfollow');
    // The unfollows reach the stream in order: once the second is applied, so is the first.
    await streamOn(server, tagTopic('wsdropped'), 0);
    await author.api.post('/api/v1/statuses', { status: '#wsdropped' });
    const kept = (await author.api.post('/api/v1/statuses', { status: '#wskept' })).body;
    const later = (await author.api.post('/api/v1/statuses', { status: 'later #wskept' })).body;
    const msgs = await c.waitFor((m) => updates(m).length >= 2);
    expect(updates(msgs).map((m) => [m.stream, JSON.parse(m.payload!).id])).toEqual([
      [['hashtag', 'wskept'], kept.id],
      [['hashtag', 'wskept'], later.id],
    ]);
  });

  it('readers of one topic under different stream names each get their own name', async () => {
    const follower = await registerUser(server.url);
    await follower.api.post('/api/v1/tags/sharedtopic/follow');
    const tagReader = client();
    const userReader = client(`${wsUrl}?access_token=${follower.token}`);
    await Promise.all([tagReader.opened, userReader.opened]);
    await Promise.all([
      tagReader.subscribe({ stream: 'hashtag', tag: 'SharedTopic' }),
      userReader.subscribe({ stream: 'user' }),
    ]);
    await alice.api.post('/api/v1/statuses', { status: '#sharedtopic' });
    const [a] = updates(await tagReader.waitFor((m) => updates(m).length > 0));
    const [b] = updates(await userReader.waitFor((m) => updates(m).length > 0));
    expect(a.stream).toEqual(['hashtag', 'SharedTopic']);
    expect(b.stream).toEqual(['user']);
    expect(a.payload).toBe(b.payload);
  });

  it('a bad token is refused with 401 at the upgrade', async () => {
    const c = client(`${wsUrl}?access_token=nope`);
    await expect(c.opened).rejects.toThrow();
    expect(c.refusedWith).toBe(401);
  });

  it('a bad token in Sec-WebSocket-Protocol (how browsers send it) is refused with 401 at the upgrade', async () => {
    const c = client(wsUrl, { protocols: ['nope'] });
    await expect(c.opened).rejects.toThrow();
    expect(c.refusedWith).toBe(401);
  });

  it('subscribing to the user stream without a token answers with an error message', async () => {
    const c = client();
    await c.opened;
    c.send({ type: 'subscribe', stream: 'user' });
    const msgs = await c.waitFor((m) => m.some((x) => x.error));
    expect(msgs[0].error).toMatch(/token/i);
  });

  it('invalid JSON and unknown streams answer with an error message and keep the socket', async () => {
    const c = client();
    await c.opened;
    c.socket.send('not json');
    c.send({ type: 'subscribe', stream: 'nonsense' });
    const msgs = await c.waitFor((m) => m.filter((x) => x.error).length >= 2);
    expect(msgs.every((x) => typeof x.error === 'string')).toBe(true);
    expect(c.closed).toBe(false);
  });

  it('counts open streams in the metrics and releases them on close', async () => {
    const gauge = async () =>
      Number(/^hashchat_streams_open (\d+)/m.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);
    const before = await gauge();
    const c = client();
    await c.opened;
    await c.subscribe({ stream: 'public' });
    expect(await gauge()).toBe(before + 1);
    c.close();
    await waitFor(async () => (await gauge()) === before, { what: 'the gauge to drop' });
  });
});
