// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQuestion, chatWithSession, post } from './live-helpers';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

// The hot pages (services/live/join-pages.ts): what a logged-out joiner of a live room loads is
// computed once per change for everyone, and a change is seen by the next read at once.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { JOBS_ENABLED: 'false' } });
});
afterAll(() => server.close());

/** The five reads the web app's live room makes before it shows, as a logged-out joiner. */
async function join(anon: Api, hashtag: string, sessionId: string) {
  const answers = await Promise.all([
    anon.get(`/api/v1/chats/by_tag/${hashtag}`),
    anon.get(`/api/v1/tags/${hashtag}`),
    anon.get(`/api/v1/sessions/${sessionId}/room?limit=40`),
    anon.get(`/api/v1/sessions/${sessionId}/live`),
    anon.get(`/api/v1/sessions/${sessionId}/questions`),
  ]);
  for (const a of answers) expect(a.status).toBe(200);
  return answers.map((a) => a.body as any);
}

describe('a storm of logged-out joiners', () => {
  it('costs a handful of SQL statements per join, reads and stream included, once the pages are warm', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    await post(host.api, `Welcome #${hashtag}`);
    const anon = new Api(server.url);
    await join(anon, hashtag, sessionId); // the first joiner computes the pages
    const first = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=${sessionId}`);
    await first.live;
    // The first reader's arrival sends the room's numbers, which changes its live state: the
    // pages are warm once they are computed again after that.
    await first.waitFor((e) => e.some((x) => x.event === 'chat.counters'));
    await join(anon, hashtag, sessionId);

    const joiners = 10;
    const before = server.ctx.store.queries.statements;
    const streams: SseClient[] = [];
    for (let i = 0; i < joiners; i++) {
      const [chat, tag, page, live, questions] = await join(anon, hashtag, sessionId);
      expect(chat.hashtag ?? chat.tag_name ?? chat.name).toBeDefined();
      expect(tag.name.toLowerCase()).toBe(hashtag);
      expect(page[0].content).toContain('Welcome');
      expect(live.session.id).toBe(sessionId);
      expect(questions).toEqual([]);
      const s = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=${sessionId}`);
      await s.live;
      streams.push(s);
    }
    const perJoin = (server.ctx.store.queries.statements - before) / joiners;
    // Uncached, a join ran ~25 statements (docs/performance.md, join storm); warm, none is needed.
    expect(perJoin).toBeLessThanOrEqual(1);
    for (const s of [first, ...streams]) s.close();
  });

  it('shows what changed at once: a new status, a hidden one, a question, the session and the co-hosts', async () => {
    const { host, hashtag, chatId, sessionId } = await chatWithSession(server, { live: true });
    const anon = new Api(server.url);
    const ann = await registerUser(server.url);
    const one = await post(ann.api, `first #${hashtag}`);
    let [chat, , page, live, questions] = await join(anon, hashtag, sessionId);
    expect(page.map((s: any) => s.id)).toEqual([one.id]);

    const two = await post(ann.api, `second #${hashtag}`);
    [, , page] = await join(anon, hashtag, sessionId);
    expect(page.map((s: any) => s.id)).toEqual([two.id, one.id]);

    const hidden = await host.api.post(`/api/v1/sessions/${sessionId}/moderation`, {
      action: 'hide',
      status_id: two.id,
    });
    expect(hidden.status).toBe(200);
    [, , page] = await join(anon, hashtag, sessionId);
    expect(page.map((s: any) => s.id)).toEqual([one.id]);

    const renamed = await host.api.patch(`/api/v1/sessions/${sessionId}`, { title: 'Renamed' });
    expect(renamed.status).toBe(200);
    [, , , live] = await join(anon, hashtag, sessionId);
    expect(live.session.title).toBe('Renamed');

    await host.api.patch(`/api/v1/sessions/${sessionId}`, { agenda_public: true });
    const q = await addQuestion(host.api, sessionId, 'What now?');
    [, , , , questions] = await join(anon, hashtag, sessionId);
    expect(questions.map((x: any) => x.id)).toEqual([q.id]);

    expect(chat.co_hosts).toEqual([]);
    const added = await host.api.post(`/api/v1/chats/${chatId}/co_hosts`, { account_id: ann.id });
    expect(added.status).toBe(200);
    [chat] = await join(anon, hashtag, sessionId);
    expect(chat.co_hosts.map((a: any) => a.id)).toEqual([String(ann.id)]);
    // The room's badges follow: the new co-host's status is a co-host's now.
    [, , page] = await join(anon, hashtag, sessionId);
    expect(page[0].chat.author_role).toBe('co_host');
  });

  it('never serves a signed-in viewer the logged-out answer', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    await post(host.api, `hello #${hashtag}`);
    const anon = new Api(server.url);
    await join(anon, hashtag, sessionId);
    const console = await host.api.get(`/api/v1/sessions/${sessionId}/room?limit=40&console=true`);
    expect(console.status).toBe(200);
    const own = await host.api.get(`/api/v1/sessions/${sessionId}/room?limit=40`);
    const favourited = await host.api.post(`/api/v1/statuses/${own.body[0].id}/favourite`);
    expect(favourited.status).toBe(200);
    const again = await host.api.get(`/api/v1/sessions/${sessionId}/room?limit=40`);
    expect(again.body[0].favourited).toBe(true);
  });

  it('answers 404 for a session or hashtag that does not exist, and does not keep the answer', async () => {
    const anon = new Api(server.url);
    expect((await anon.get('/api/v1/sessions/999999/room?limit=40')).status).toBe(404);
    expect((await anon.get('/api/v1/sessions/999999/live')).status).toBe(404);
    const stream = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=999999`);
    await stream.opened;
    expect(stream.status).toBe(404);
    const tag = `none${Date.now().toString(36)}`;
    expect((await anon.get(`/api/v1/chats/by_tag/${tag}`)).status).toBe(404);
    const host = await registerUser(server.url);
    const made = await host.api.post('/api/v1/chats', {
      hashtag: tag,
      title: 'Now it exists',
      time_zone: 'UTC',
    });
    expect(made.status).toBe(200);
    const found = await anon.get(`/api/v1/chats/by_tag/${tag}`);
    expect(found.status).toBe(200);
    expect(found.body.title).toBe('Now it exists');
  });
});
