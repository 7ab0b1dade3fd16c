import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveRuntime } from '../src/services/live/counters';
import { addQuestion, chatWithSession, post } from './live-helpers';
import { registerUser } from './support/client';
import { SseClient, type SseEvent } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Counters every 100 ms instead of 5 s, so the test need not wait.
  liveRuntime(server.ctx).counters.intervalMs = 100;
});
afterAll(() => server.close());

const updates = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === 'update')
    .map((e) => JSON.parse(e.data) as { id: string; chat: Record<string, unknown> });

describe('the session stream', () => {
  it('delivers classified statuses, the current question, spotlight, deletes and state changes over SSE', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const sse = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=${sessionId}`);
    await sse.opened;
    expect(sse.status).toBe(200);
    const q = await addQuestion(host.api, sessionId, 'Streamed?');
    const published = (await host.api.post(`/api/v1/questions/${q.id}/publish`)).body;
    const a1 = await post(ann.api, `A1 yes #${hashtag}`);
    const reply = await post(ann.api, 'no hashtag, still in', published.status.id);
    await post(ann.api, 'elsewhere entirely');
    await host.api.post(`/api/v1/sessions/${sessionId}/spotlight`, { status_id: a1.id });
    await ann.api.delete(`/api/v1/statuses/${reply.id}`);
    await host.api.post(`/api/v1/sessions/${sessionId}/end`);
    const events = await sse.waitFor((es) => es.some((e) => e.event === 'chat.session'));
    sse.close();

    expect(events.every((e) => e.id !== null)).toBe(true);
    expect(updates(events).map((u) => [u.id, u.chat.kind, u.chat.question_number])).toEqual([
      [published.status.id, 'question', 1],
      [a1.id, 'answer', 1],
      [reply.id, 'answer', 1],
    ]);
    const question = JSON.parse(events.find((e) => e.event === 'chat.question')!.data);
    expect(question).toMatchObject({
      id: q.id,
      state: 'published',
      question_number: 1,
      status: { id: published.status.id },
    });
    const spot = JSON.parse(events.find((e) => e.event === 'chat.spotlight')!.data);
    expect(spot).toMatchObject({ status_id: a1.id, spotlighted: true, status: { id: a1.id } });
    expect(events.filter((e) => e.event === 'delete').map((e) => e.data)).toEqual([reply.id]);
    expect(JSON.parse(events.find((e) => e.event === 'chat.session')!.data)).toMatchObject({
      id: sessionId,
      state: 'ended',
    });
  });

  it('resumes with Last-Event-ID without gap or duplicate', async () => {
    const { hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const url = `${server.url}/api/v1/streaming/chat?session_id=${sessionId}`;
    const first = new SseClient(url);
    await first.opened;
    const s1 = await post(ann.api, `A1 one #${hashtag}`);
    const seen = await first.waitFor((es) => updates(es).length === 1);
    first.close();
    const lastId = seen[seen.length - 1].id!;
    const s2 = await post(ann.api, `A1 two #${hashtag}`);
    const s3 = await post(ann.api, `A2 three #${hashtag}`);
    const second = new SseClient(url, { 'last-event-id': lastId });
    await second.opened;
    const s4 = await post(ann.api, `A2 four #${hashtag}`);
    await second.waitFor((es) => updates(es).length >= 3);
    // A last post marks the end: anything doubled would have come before it.
    const s5 = await post(ann.api, `A2 five #${hashtag}`);
    const got = await second.waitFor((es) => updates(es).some((u) => u.id === s5.id));
    second.close();
    expect(updates(got).map((u) => u.id)).toEqual([s2.id, s3.id, s4.id, s5.id]);
    expect(updates(seen).map((u) => u.id)).toEqual([s1.id]);
    expect(updates(got).map((u) => u.chat.question_number)).toEqual([1, 2, 2, 2]);
  });

  it('streams a session over the WebSocket API and sends live counters', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ws = new WsClient(`${server.url.replace('http', 'ws')}/api/v1/streaming`);
    await ws.opened;
    await ws.subscribe({ stream: 'chat', session_id: sessionId });
    const s = await post(host.api, `Q1 asked by hand #${hashtag}`);
    // The numbers go out when the reader arrives (before the post) and then every 5 s tick.
    const messages = await ws.waitFor(
      (ms) => ms.some((m) => m.event === 'chat.counters' && JSON.parse(m.payload!).statuses === 1),
      12_000,
    );
    ws.close();
    const update = messages.find((m) => m.event === 'update')!;
    expect(update.stream).toEqual(['chat', sessionId]);
    expect(JSON.parse(update.payload!)).toMatchObject({
      id: s.id,
      chat: { kind: 'question', question_number: 1, author_role: 'host' },
    });
    const counters = JSON.parse(messages.filter((m) => m.event === 'chat.counters').at(-1)!.payload!);
    expect(counters).toEqual({ people_in_room: 1, participants: 1, posts_per_minute: 1, statuses: 1 });
  });

  it('answers 404 for an unknown session', async () => {
    const sse = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=999999`);
    await sse.opened;
    expect(sse.status).toBe(404);
  });
});
