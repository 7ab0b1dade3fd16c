import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** A follow's `reblogs` and `notify` options, and the follow notification's shape. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const homeIds = async (u: User) =>
  ((await u.api.get('/api/v1/timelines/home?limit=40')).body as { id: string }[]).map((s) => s.id);

describe('follow options', () => {
  it('are stored and returned in the Relationship', async () => {
    const [a, b] = [await registerUser(server.url), await registerUser(server.url)];
    const res = await b.api.post(`/api/v1/accounts/${a.id}/follow`, { reblogs: false, notify: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ following: true, showing_reblogs: false, notifying: true });
    const rel = await b.api.get(`/api/v1/accounts/relationships?id[]=${a.id}`);
    expect(rel.body[0]).toMatchObject({ following: true, showing_reblogs: false, notifying: true });
  });

  it('change on a second follow, only those given', async () => {
    const [a, b] = [await registerUser(server.url), await registerUser(server.url)];
    await b.api.post(`/api/v1/accounts/${a.id}/follow`, { reblogs: false, notify: true });
    const again = await b.api.post(
      `/api/v1/accounts/${a.id}/follow`,
      new URLSearchParams({ reblogs: 'true' }),
    );
    expect(again.body).toMatchObject({ following: true, showing_reblogs: true, notifying: true });
    const me = await b.api.get('/api/v1/accounts/verify_credentials');
    expect(me.body.following_count).toBe(1);
  });

  it('default to Mastodon’s: reblogs shown, no notifying', async () => {
    const [a, b] = [await registerUser(server.url), await registerUser(server.url)];
    const res = await b.api.post(`/api/v1/accounts/${a.id}/follow`);
    expect(res.body).toMatchObject({ following: true, showing_reblogs: true, notifying: false });
  });

  it('reblogs=false keeps the account’s reblogs, not its own posts, out of the home timeline', async () => {
    const [a, b, c] = [
      await registerUser(server.url),
      await registerUser(server.url),
      await registerUser(server.url),
    ];
    await b.api.post(`/api/v1/accounts/${a.id}/follow`, { reblogs: false });
    const theirs = await c.api.post('/api/v1/statuses', { status: 'worth a boost' });
    const boost = await a.api.post(`/api/v1/statuses/${theirs.body.id}/reblog`);
    expect(boost.status).toBe(200);
    const own = await a.api.post('/api/v1/statuses', { status: 'my own words' });
    const hidden = await homeIds(b);
    expect(hidden).toContain(own.body.id);
    expect(hidden).not.toContain(boost.body.id);

    await b.api.post(`/api/v1/accounts/${a.id}/follow`, { reblogs: true });
    expect(await homeIds(b)).toEqual(expect.arrayContaining([own.body.id, boost.body.id]));
  });

  it('reblogs=false keeps the account’s reblogs off the user stream too, and turning it back on shows them', async () => {
    const [a, b, c] = [
      await registerUser(server.url),
      await registerUser(server.url),
      await registerUser(server.url),
    ];
    await b.api.post(`/api/v1/accounts/${a.id}/follow`, { reblogs: false });
    // Resuming from the current position: nothing from here on can be missed while the stream opens.
    const { last_event_id } = (await b.api.get('/api/v1/streaming/position')).body;
    const stream = new SseClient(`${server.url}/api/v1/streaming/user`, {
      authorization: `Bearer ${b.token}`,
      'last-event-id': last_event_id,
    });
    try {
      const updates = () =>
        stream.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);
      const boost = async () => {
        const theirs = await c.api.post('/api/v1/statuses', { status: 'worth a boost' });
        return (await a.api.post(`/api/v1/statuses/${theirs.body.id}/reblog`)).body.id as string;
      };
      const hidden = await boost();
      const own = (await a.api.post('/api/v1/statuses', { status: 'my own words' })).body.id;
      await stream.waitFor(() => updates().includes(own));
      expect(updates()).not.toContain(hidden);

      await b.api.post(`/api/v1/accounts/${a.id}/follow`, { reblogs: true });
      const shown = await boost();
      await stream.waitFor(() => updates().includes(shown));
    } finally {
      stream.close();
    }
  });

  it('notify=true brings a status notification for each post, not for replies to others or mentions', async () => {
    const [a, b, c] = [
      await registerUser(server.url),
      await registerUser(server.url),
      await registerUser(server.url),
    ];
    await b.api.post(`/api/v1/accounts/${a.id}/follow`, { notify: true });
    await c.api.post(`/api/v1/accounts/${a.id}/follow`);
    const post = (await a.api.post('/api/v1/statuses', { status: 'news', visibility: 'private' })).body.id;
    const elsewhere = (await c.api.post('/api/v1/statuses', { status: 'a question' })).body.id;
    await a.api.post('/api/v1/statuses', { status: 'an answer', in_reply_to_id: elsewhere });
    await a.api.post('/api/v1/statuses', { status: `hi @${b.username}` });
    const thread = (await a.api.post('/api/v1/statuses', { status: 'more news', in_reply_to_id: post })).body
      .id;
    const got = (await b.api.get('/api/v1/notifications')).body as {
      type: string;
      status?: { id: string };
    }[];
    expect(got.map((n) => [n.type, n.type === 'status' ? n.status?.id : null])).toEqual([
      ['status', thread],
      ['mention', null],
      ['status', post],
    ]);
    const others = (await c.api.get('/api/v1/notifications?types[]=status')).body;
    expect(others).toEqual([]);
    await b.api.post(`/api/v1/accounts/${a.id}/follow`, { notify: false });
    await a.api.post('/api/v1/statuses', { status: 'quiet now' });
    expect((await b.api.get('/api/v1/notifications?types[]=status')).body).toHaveLength(2);
  });

  it('one post notifies each of several notify-followers once, and a mentioned one by the mention only', async () => {
    const host = await registerUser(server.url);
    const followers = [];
    for (let i = 0; i < 4; i++) followers.push(await registerUser(server.url));
    for (const f of followers) await f.api.post(`/api/v1/accounts/${host.id}/follow`, { notify: true });
    const mentioned = followers[2];
    const post = (await host.api.post('/api/v1/statuses', { status: `Q1 is up, @${mentioned.username}` }))
      .body.id;
    for (const f of followers) {
      const got = (await f.api.get('/api/v1/notifications?types[]=status&types[]=mention')).body as {
        type: string;
        account: { id: string };
        status: { id: string };
      }[];
      expect(got.map((n) => [n.type, n.account.id, n.status.id])).toEqual([
        [f === mentioned ? 'mention' : 'status', host.id, post],
      ]);
    }
  });

  it('a languages filter is refused, not silently dropped', async () => {
    const [a, b] = [await registerUser(server.url), await registerUser(server.url)];
    const res = await b.api.post(`/api/v1/accounts/${a.id}/follow`, { languages: ['en'] });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('Validation failed: languages is not supported by this server');
  });
});

describe('a follow notification', () => {
  it('has no status key at all, as in Mastodon', async () => {
    const [a, b] = [await registerUser(server.url), await registerUser(server.url)];
    await b.api.post(`/api/v1/accounts/${a.id}/follow`);
    const res = await a.api.get('/api/v1/notifications?types[]=follow');
    expect(res.body).toHaveLength(1);
    expect(res.body[0].type).toBe('follow');
    expect(res.body[0].account.id).toBe(b.id);
    expect(res.body[0]).not.toHaveProperty('status');
  });
});
