import { conversationSchema } from '@hashchat/api/entities/conversation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Mastodon's conversations: direct statuses grouped by who is in them, per account, with unread. */
let server: TestServer;
const open: SseClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

const user = () => registerUser(server.url);
const dm = async (from: User, to: User[], text: string, extra: Record<string, unknown> = {}) =>
  (
    await from.api.post('/api/v1/statuses', {
      status: `${to.map((u) => `@${u.username}`).join(' ')} ${text}`,
      visibility: 'direct',
      ...extra,
    })
  ).body.id as string;

describe('GET /api/v1/conversations', () => {
  it('groups direct statuses by participants, latest first, unread for recipients only', async () => {
    const [a, b, c] = [await user(), await user(), await user()];
    const s1 = await dm(a, [b], 'hi b');
    const s2 = await dm(b, [a], 'hi a', { in_reply_to_id: s1 });
    const s3 = await dm(a, [b, c], 'all three');
    await a.api.post('/api/v1/statuses', { status: `@${b.username} in public` });

    const mine = await a.api.get('/api/v1/conversations');
    expect(mine.status).toBe(200);
    z.array(conversationSchema).parse(mine.body);
    expect(mine.body.map((x: { last_status: { id: string } }) => x.last_status.id)).toEqual([s3, s2]);
    const [group, pair] = mine.body;
    expect(group.accounts.map((x: { id: string }) => x.id).sort()).toEqual([b.id, c.id].sort());
    expect(group.unread).toBe(false);
    expect(pair.accounts.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(pair.unread).toBe(true);

    const theirs = (await c.api.get('/api/v1/conversations')).body;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ unread: true, last_status: { id: s3 } });
    expect(theirs[0].accounts.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('read clears unread; delete removes it for the caller only; another account’s is a 404', async () => {
    const [a, b, stranger] = [await user(), await user(), await user()];
    await dm(a, [b], 'knock knock');
    const [conv] = (await b.api.get('/api/v1/conversations')).body;
    expect((await stranger.api.post(`/api/v1/conversations/${conv.id}/read`)).status).toBe(404);
    expect((await stranger.api.delete(`/api/v1/conversations/${conv.id}`)).status).toBe(404);
    const read = await b.api.post(`/api/v1/conversations/${conv.id}/read`);
    expect(read.body).toMatchObject({ id: conv.id, unread: false });
    expect((await b.api.get('/api/v1/conversations')).body[0].unread).toBe(false);
    expect((await b.api.delete(`/api/v1/conversations/${conv.id}`)).body).toEqual({});
    expect((await b.api.get('/api/v1/conversations')).body).toEqual([]);
    expect((await a.api.get('/api/v1/conversations')).body).toHaveLength(1);
    // A new status brings it back, unread.
    await dm(a, [b], 'still there?');
    expect((await b.api.get('/api/v1/conversations')).body[0].unread).toBe(true);
  });

  it('deleting the latest status falls back to the one before; deleting the last removes the conversation', async () => {
    const [a, b] = [await user(), await user()];
    const first = await dm(a, [b], 'one');
    const second = await dm(a, [b], 'two');
    await a.api.delete(`/api/v1/statuses/${second}`);
    expect((await b.api.get('/api/v1/conversations')).body[0].last_status.id).toBe(first);
    await a.api.delete(`/api/v1/statuses/${first}`);
    expect((await b.api.get('/api/v1/conversations')).body).toEqual([]);
    expect((await a.api.get('/api/v1/conversations')).body).toEqual([]);
  });

  it('pages by the latest status with Link headers, and needs a user', async () => {
    const a = await user();
    const others = [await user(), await user(), await user()];
    for (const o of others) await dm(a, [o], 'hello');
    const page = await a.api.get('/api/v1/conversations?limit=2');
    expect(page.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')![1];
    const rest = await a.api.get(new URL(next).pathname + new URL(next).search);
    expect(rest.body.map((x: { accounts: { id: string }[] }) => x.accounts[0].id)).toEqual([others[0].id]);
    expect((await new Api(server.url).get('/api/v1/conversations')).status).toBe(401);
  });
});

describe('the direct stream', () => {
  it('sends a `conversation` event to each participant, and nothing to others', async () => {
    const [a, b, c] = [await user(), await user(), await user()];
    const streams = [b, c].map((u) => {
      const s = new SseClient(`${server.url}/api/v1/streaming/direct`, {
        authorization: `Bearer ${u.token}`,
      });
      open.push(s);
      return s;
    });
    for (const s of streams) await s.live;
    const id = await dm(a, [b], 'psst');
    const marker = await dm(a, [c], 'for c, sent after');
    await streams[0].waitFor((e) => e.some((x) => x.event === 'conversation'));
    const event = streams[0].events.find((x) => x.event === 'conversation')!;
    const conv = conversationSchema.parse(JSON.parse(event.data));
    expect(conv).toMatchObject({ unread: true, last_status: { id }, accounts: [{ id: a.id }] });
    await streams[1].waitFor((e) => e.some((x) => x.event === 'conversation'));
    const seen = streams[1].events
      .filter((x) => x.event === 'conversation')
      .map((x) => JSON.parse(x.data).last_status.id);
    expect(seen).toEqual([marker]);
  });
});
