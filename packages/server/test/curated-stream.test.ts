// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWithSession, post } from './live-helpers';
import { registerUser } from './support/client';
import { SseClient, type SseEvent } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

// The curated stream's sample admits the first participant status of each half-second slot: a
// clock the test moves decides which slot a status falls in.
let clock = Date.now();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const updateIds = (events: SseEvent[], name = 'update') =>
  events.filter((e) => e.event === name).map((e) => (JSON.parse(e.data) as { id: string }).id);
const ended = (events: SseEvent[]) => events.some((e) => e.event === 'chat.session');

const roomUrl = (sessionId: string, curated: boolean) =>
  `${server.url}/api/v1/streaming/chat?session_id=${sessionId}${curated ? '&curated=true' : ''}`;

describe('the curated stream', () => {
  it("gives curated readers the hosts' and guests' statuses, questions, spotlighted and approved ones and a sample; full readers everything", async () => {
    const guest = await registerUser(server.url);
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true, guests: [guest.id] });
    const [ann, bob, cy] = await Promise.all([1, 2, 3].map(() => registerUser(server.url)));
    expect(
      (
        await host.api.request('PUT', `/api/v1/sessions/${sessionId}/town_hall`, {
          town_hall: true,
          submission_marker: '#ask',
        })
      ).status,
    ).toBe(200);
    const full = new SseClient(roomUrl(sessionId, false));
    const curated = new SseClient(roomUrl(sessionId, true));
    await Promise.all([full.opened, curated.opened]);
    expect(curated.status).toBe(200);

    clock += 1_000;
    const p1 = await post(ann.api, `first of the slot #${hashtag}`); // sampled
    const p2 = await post(bob.api, `same slot #${hashtag}`);
    const p3 = await post(ann.api, `same slot again #${hashtag}`);
    const asked = await post(cy.api, `what about tea? #${hashtag} #ask`);
    const h1 = await post(host.api, `Q1 the host asks #${hashtag}`);
    const g1 = await post(guest.api, `a guest speaks #${hashtag}`);
    clock += 600;
    const p4 = await post(bob.api, `next slot #${hashtag}`); // sampled
    clock += 600;
    const p5 = await post(bob.api, `next slot, same author #${hashtag}`); // not: bob had the last sample
    // Highlighted later: curated readers get them then.
    expect(
      (await host.api.post(`/api/v1/sessions/${sessionId}/spotlight`, { status_id: p2.id })).status,
    ).toBe(200);
    const queue = await host.api.get(`/api/v1/sessions/${sessionId}/submissions?sort=votes&limit=80`);
    const submission = queue.body.find((s: any) => s.status_id === asked.id);
    expect((await host.api.post(`/api/v1/submissions/${submission.id}/approve`)).status).toBe(200);
    // Edits and deletes of what curated readers were shown follow.
    expect(
      (await host.api.request('PUT', `/api/v1/statuses/${h1.id}`, { status: `Q1 edited #${hashtag}` }))
        .status,
    ).toBe(200);
    expect((await ann.api.delete(`/api/v1/statuses/${p1.id}`)).status).toBe(200);
    await host.api.post(`/api/v1/sessions/${sessionId}/end`);
    const [all, highlights] = await Promise.all([full.waitFor(ended), curated.waitFor(ended)]);
    full.close();
    curated.close();

    expect(updateIds(all)).toEqual([p1.id, p2.id, p3.id, asked.id, h1.id, g1.id, p4.id, p5.id]);
    expect(updateIds(highlights)).toEqual([p1.id, h1.id, g1.id, p4.id, p2.id, asked.id]);
    expect(updateIds(highlights, 'status.update')).toEqual([h1.id]);
    expect(highlights.filter((e) => e.event === 'delete').map((e) => e.data)).toEqual([p1.id]);
    // The room's own events are all there: the spotlight, the town hall, the end.
    const names = (es: SseEvent[]) => es.map((e) => e.event).filter((n) => n.startsWith('chat.'));
    expect(names(highlights)).toEqual(names(all));
    expect(names(highlights)).toEqual(expect.arrayContaining(['chat.spotlight', 'chat.submission']));
    // The spotlighted status arrives before its pin, so a client has it when the pin comes.
    const order = highlights.map((e) => (e.event === 'update' ? JSON.parse(e.data).id : e.event));
    expect(order.indexOf(p2.id)).toBeLessThan(order.indexOf('chat.spotlight'));
    // Statuses carry the room's `chat` field, as on the full stream.
    const hostUpdate = highlights.find((e) => e.event === 'update' && JSON.parse(e.data).id === h1.id)!;
    expect(JSON.parse(hostUpdate.data).chat).toMatchObject({ kind: 'question', author_role: 'host' });
    // The room's page of highlights holds the same statuses, for a reader who arrives now.
    const curatedPage = [p4.id, g1.id, h1.id, asked.id, p2.id];
    const anonymous = await fetch(`${server.url}/api/v1/sessions/${sessionId}/room?only=curated`);
    expect(((await anonymous.json()) as any[]).map((s) => s.id)).toEqual(curatedPage);
    const signedIn = await ann.api.get(`/api/v1/sessions/${sessionId}/room?only=curated`);
    expect(signedIn.body.map((s: any) => s.id)).toEqual(curatedPage);
  });

  it('resumes with Last-Event-ID without losing a curated status', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const [ann, bob] = await Promise.all([1, 2].map(() => registerUser(server.url)));
    const first = new SseClient(roomUrl(sessionId, true));
    await first.opened;
    clock += 1_000;
    const s1 = await post(ann.api, `sampled #${hashtag}`);
    const seen = await first.waitFor((es) => updateIds(es).length === 1);
    first.close();
    const lastId = seen.at(-1)!.id!;
    // Missed while away: a host status, a participant's that the sample leaves out, a sampled one.
    const h = await post(host.api, `while you were away #${hashtag}`);
    await post(ann.api, `not sampled #${hashtag}`);
    clock += 600;
    const s2 = await post(bob.api, `sampled next slot #${hashtag}`);
    const second = new SseClient(roomUrl(sessionId, true), { 'last-event-id': lastId });
    await second.opened;
    const h2 = await post(host.api, `live again #${hashtag}`);
    await host.api.post(`/api/v1/sessions/${sessionId}/end`);
    const got = await second.waitFor(ended);
    second.close();
    expect(updateIds(seen)).toEqual([s1.id]);
    expect(updateIds(got)).toEqual([h.id, s2.id, h2.id]);
  });

  it('admits one sample per slot however many participants post at once', async () => {
    const { hashtag, sessionId } = await chatWithSession(server, { live: true });
    const people = await Promise.all(Array.from({ length: 8 }, () => registerUser(server.url)));
    clock += 1_000;
    await Promise.all(people.map((p, i) => post(p.api, `all at once ${i} #${hashtag}`)));
    const page = await fetch(`${server.url}/api/v1/sessions/${sessionId}/room?only=curated`);
    expect(((await page.json()) as any[]).length).toBe(1);
    expect(
      (await fetch(`${server.url}/api/v1/sessions/${sessionId}/room`).then((r) => r.json())).length,
    ).toBe(8);
  });

  it('is offered over the WebSocket API, and counts its readers in the room', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    clock += 1_000;
    await post(ann.api, `takes the slot's sample #${hashtag}`);
    const ws = new WsClient(`${server.url.replace('http', 'ws')}/api/v1/streaming`);
    await ws.opened;
    await ws.subscribe({ stream: 'chat', session_id: sessionId, curated: true });
    const left = await post(ann.api, `left out #${hashtag}`);
    const h = await post(host.api, `from the host #${hashtag}`);
    const messages = await ws.waitFor((ms) => ms.some((m) => m.event === 'update'));
    ws.close();
    const updates = messages.filter((m) => m.event === 'update').map((m) => JSON.parse(m.payload!).id);
    expect(updates).toEqual([h.id]);
    expect(updates).not.toContain(left.id);
    expect(messages.find((m) => m.event === 'update')!.stream).toEqual(['chat', sessionId]);
  });

  it('refuses curated without a session', async () => {
    const res = await fetch(`${server.url}/api/v1/streaming/chat?chat_id=1&curated=true`);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/curated/);
  });
});

describe('the curated threshold', () => {
  it('is a session setting the hosts change, and only they', async () => {
    const { host, sessionId } = await chatWithSession(server);
    const other = await registerUser(server.url);
    const path = `/api/v1/sessions/${sessionId}`;
    expect((await host.api.get(path)).body.curated_threshold).toBeNull();
    const set = await host.api.request('PATCH', path, { curated_threshold: 5000 });
    expect(set.status).toBe(200);
    expect(set.body.curated_threshold).toBe(5000);
    expect((await host.api.get(path)).body.curated_threshold).toBe(5000);
    const bad = await host.api.request('PATCH', path, { curated_threshold: -1 });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatch(/curated_threshold/);
    expect((await other.api.request('PATCH', path, { curated_threshold: 1 })).status).toBe(403);
    expect((await host.api.get(path)).body.curated_threshold).toBe(5000);
    const off = await host.api.request('PATCH', path, { curated_threshold: '' });
    expect(off.body.curated_threshold).toBeNull();
  });
});
