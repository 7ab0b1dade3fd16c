import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWithSession, uniqueTag } from './live-helpers';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
type User = Awaited<ReturnType<typeof registerUser>>;
let author: User;
let other: User;

beforeAll(async () => {
  server = await startTestServer();
  author = await registerUser(server.url);
  other = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

const edit = (api: Api, id: string, body: unknown) => api.request('PUT', `/api/v1/statuses/${id}`, body);
async function postAs(user: User, body: Record<string, unknown>) {
  const res = await user.api.post('/api/v1/statuses', body);
  expect(res.status).toBe(200);
  return res.body;
}
const tagIds = async (tag: string) =>
  (await other.api.get(`/api/v1/timelines/tag/${tag}`)).body.map((s: { id: string }) => s.id);

describe('editing a status', () => {
  it('rewrites its text, hashtags and mentions and sets edited_at', async () => {
    const [before, after] = [uniqueTag('old'), uniqueTag('new')];
    const s = await postAs(author, { status: `first #${before}` });
    expect(s.edited_at).toBeNull();
    const res = await edit(author.api, s.id, {
      status: `second #${after} @${other.username}`,
      spoiler_text: 'cw',
      sensitive: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.content).toContain('second');
    expect(res.body.edited_at).toMatch(/Z$/);
    expect(res.body).toMatchObject({
      spoiler_text: 'cw',
      sensitive: true,
      id: s.id,
      created_at: s.created_at,
    });
    expect(res.body.tags.map((t: { name: string }) => t.name)).toEqual([after]);
    expect(res.body.mentions.map((m: { id: string }) => m.id)).toEqual([other.id]);
    expect((await other.api.get(`/api/v1/statuses/${s.id}`)).body.content).toContain('second');
    expect(await tagIds(after)).toEqual([s.id]);
    expect(await tagIds(before)).toEqual([]);
  });

  it("is the author's alone: 403 for another who sees it, 404 for one who does not, 401 without a token", async () => {
    const open = await postAs(author, { status: 'open' });
    const closed = await postAs(author, { status: 'closed', visibility: 'private' });
    expect((await edit(other.api, open.id, { status: 'mine now' })).status).toBe(403);
    expect((await edit(other.api, closed.id, { status: 'mine now' })).status).toBe(404);
    expect((await edit(new Api(server.url), open.id, { status: 'mine now' })).status).toBe(401);
    expect((await other.api.get(`/api/v1/statuses/${closed.id}/history`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/statuses/${closed.id}/source`)).status).toBe(404);
    expect((await author.api.get(`/api/v1/statuses/${open.id}`)).body.content).toContain('open');
  });

  it('refuses a blank text with a 422, changing nothing', async () => {
    const s = await postAs(author, { status: 'keep me' });
    expect((await edit(author.api, s.id, { status: '  ' })).status).toBe(422);
    expect((await author.api.get(`/api/v1/statuses/${s.id}`)).body.edited_at).toBeNull();
  });

  it('keeps every version for the history, oldest first, and gives the source to edit', async () => {
    const s = await postAs(author, { status: 'v1' });
    const once = (await author.api.get(`/api/v1/statuses/${s.id}/history`)).body;
    expect(once.map((e: { content: string }) => e.content)).toEqual(['<p>v1</p>']);
    await edit(author.api, s.id, { status: 'v2' });
    await edit(author.api, s.id, { status: 'v3', spoiler_text: 'spoiler' });
    const history = (await other.api.get(`/api/v1/statuses/${s.id}/history`)).body;
    expect(history.map((e: { content: string }) => e.content)).toEqual([
      '<p>v1</p>',
      '<p>v2</p>',
      '<p>v3</p>',
    ]);
    expect(history[0].created_at).toBe(s.created_at);
    expect(history[2]).toMatchObject({ spoiler_text: 'spoiler', account: { id: author.id }, poll: null });
    const source = await author.api.get(`/api/v1/statuses/${s.id}/source`);
    expect(source.body).toEqual({ id: s.id, text: 'v3', spoiler_text: 'spoiler' });
  });

  it('keeps the votes of an unchanged poll, resets a changed one, and drops one left out', async () => {
    const s = await postAs(author, { status: 'poll', poll: { options: ['a', 'b'], expires_in: 600 } });
    expect((await other.api.post(`/api/v1/polls/${s.poll.id}/votes`, { choices: [1] })).status).toBe(200);
    const same = await edit(author.api, s.id, {
      status: 'poll!',
      poll: { options: ['a', 'b'], expires_in: 600 },
    });
    expect(same.body.poll).toMatchObject({ id: s.poll.id, votes_count: 1 });
    const changed = await edit(author.api, s.id, {
      status: 'poll!!',
      poll: { options: ['a', 'c'], expires_in: 600 },
    });
    expect(changed.body.poll.id).not.toBe(s.poll.id);
    expect(changed.body.poll).toMatchObject({ votes_count: 0, options: [{ title: 'a' }, { title: 'c' }] });
    const dropped = await edit(author.api, s.id, { status: 'no poll' });
    expect(dropped.body.poll).toBeNull();
    const history = (await author.api.get(`/api/v1/statuses/${s.id}/history`)).body;
    expect(history.map((e: { poll: unknown }) => e.poll)).toEqual([
      { options: [{ title: 'a' }, { title: 'b' }] },
      { options: [{ title: 'a' }, { title: 'b' }] },
      { options: [{ title: 'a' }, { title: 'c' }] },
      null,
    ]);
  });

  it('sends status.update on the stream of the hashtag it left and the one it joined', async () => {
    const [before, after] = [uniqueTag('was'), uniqueTag('is')];
    const s = await postAs(author, { status: `#${before}` });
    const readers = [before, after].map(
      (t) => new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=${t}`),
    );
    try {
      await Promise.all(readers.map((r) => r.live));
      expect((await edit(author.api, s.id, { status: `now #${after}` })).status).toBe(200);
      for (const r of readers) {
        const events = await r.waitFor((e) => e.some((x) => x.event === 'status.update'));
        const updated = JSON.parse(events.find((x) => x.event === 'status.update')!.data);
        expect(updated).toMatchObject({ id: s.id, content: expect.stringContaining('now') });
      }
    } finally {
      for (const r of readers) r.close();
    }
  });

  it("sends status.update with the room's chat field on the session stream of the room it is in", async () => {
    const live = await chatWithSession(server, { live: true });
    const s = await postAs(author, { status: `hello #${live.hashtag}` });
    const reader = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=${live.sessionId}`);
    try {
      await reader.live;
      expect((await edit(author.api, s.id, { status: `hello again #${live.hashtag}` })).status).toBe(200);
      const events = await reader.waitFor((e) => e.some((x) => x.event === 'status.update'));
      const updated = JSON.parse(events.find((x) => x.event === 'status.update')!.data);
      expect(updated.id).toBe(s.id);
      expect(updated.content).toContain('again');
      expect(updated.chat.session_id).toBe(live.sessionId);
    } finally {
      reader.close();
    }
  });

  it("is held by the room's word filter like a new post: it leaves the hashtag stream and timeline", async () => {
    const live = await chatWithSession(server, { live: true });
    // Not the first account (the instance's admin, whom rooms do not moderate).
    const author = await registerUser(server.url);
    const filter = await live.host.api.patch(`/api/v1/chats/${live.chatId}/moderation_settings`, {
      word_filter: ['giveaway'],
    });
    expect(filter.status).toBe(200);
    const s = await postAs(author, { status: `fine #${live.hashtag}` });
    expect(await tagIds(live.hashtag)).toEqual([s.id]);
    const reader = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=${live.hashtag}`);
    try {
      await reader.live;
      expect((await edit(author.api, s.id, { status: `free giveaway #${live.hashtag}` })).status).toBe(200);
      const events = await reader.waitFor((e) => e.some((x) => x.event === 'delete'));
      expect(events.find((x) => x.event === 'delete')!.data).toBe(s.id);
      expect(events.some((x) => x.event === 'status.update')).toBe(false);
      expect(await tagIds(live.hashtag)).toEqual([]);
      const queue = await live.host.api.get(`/api/v1/sessions/${live.sessionId}/moderation/queue`);
      expect(queue.body.pending.map((p: { status: { id: string } }) => p.status.id)).toEqual([s.id]);
    } finally {
      reader.close();
    }
  });

  it('is refused to an author banned from the room it would join, changing nothing', async () => {
    const live = await chatWithSession(server, { live: true });
    // Not the first account (the instance's admin, whom rooms do not moderate).
    const author = await registerUser(server.url);
    const banned = await live.host.api.post(`/api/v1/sessions/${live.sessionId}/moderation`, {
      action: 'ban',
      account_id: author.id,
      reason: 'spam',
    });
    expect(banned.status).toBe(200);
    const s = await postAs(author, { status: 'elsewhere' });
    expect((await edit(author.api, s.id, { status: `in #${live.hashtag}` })).status).toBe(403);
    expect((await author.api.get(`/api/v1/statuses/${s.id}`)).body.content).toContain('elsewhere');
    expect(await tagIds(live.hashtag)).toEqual([]);
  });
});
