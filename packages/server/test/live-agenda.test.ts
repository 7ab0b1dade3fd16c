import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQuestion, chatWithSession, room } from './live-helpers';
import { Api, registerUser } from './support/client';
import { countRows } from './support/db';
import { startInProcessServer } from './support/in-process';
import type { TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startInProcessServer();
});
afterAll(() => server.close());

describe('the agenda', () => {
  it('creates questions in order with their state and no status yet', async () => {
    const { host, sessionId } = await chatWithSession(server);
    const q1 = await addQuestion(host.api, sessionId, 'What brought you here?', { offset_minutes: 5 });
    const q2 = await addQuestion(host.api, sessionId, 'What is next?');
    expect(q1).toMatchObject({
      session_id: sessionId,
      position: 1,
      kind: 'question',
      text: 'What brought you here?',
      offset_minutes: 5,
      state: 'scheduled',
      status: null,
      question_number: 1,
    });
    expect(q1.publish_at).toMatch(/Z$/);
    expect(q2).toMatchObject({
      position: 2,
      state: 'draft',
      offset_minutes: null,
      publish_at: null,
      question_number: 2,
    });
  });

  it('publishes a question once as "Qn <text> #tag" from the host, and again returns the same status', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true, extraTag: 'DayOne' });
    await addQuestion(host.api, sessionId, 'Welcome, introduce yourself', { kind: 'intro' });
    const q = await addQuestion(host.api, sessionId, 'Favourite salsa?');
    const first = await host.api.post(`/api/v1/questions/${q.id}/publish`);
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('published');
    expect(first.body.question_number).toBe(1);
    expect(first.body.status.account.id).toBe(host.id);
    expect(first.body.status.content).toContain('Q1 Favourite salsa?');
    expect(first.body.status.tags.map((t: { name: string }) => t.name.toLowerCase()).sort()).toEqual([
      'dayone',
      hashtag.toLowerCase(),
    ]);
    expect(first.body.status.chat).toMatchObject({
      session_id: sessionId,
      kind: 'question',
      question_number: 1,
    });
    const again = await host.api.post(`/api/v1/questions/${q.id}/publish`);
    expect(again.status).toBe(200);
    expect(again.body.status.id).toBe(first.body.status.id);
    const statuses = await room(host.api, sessionId);
    expect(statuses.filter((s) => s.chat.kind === 'question')).toHaveLength(1);
  });

  it('two concurrent publishes of one question make one status', async () => {
    const { host, sessionId } = await chatWithSession(server, { live: true });
    const q = await addQuestion(host.api, sessionId, 'Concurrency?');
    const before = await countRows(server, 'statuses');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => host.api.post(`/api/v1/questions/${q.id}/publish`)),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.status.id)).size).toBe(1);
    expect((await countRows(server, 'statuses')) - before).toBe(1);
  });

  it('two concurrent Next calls publish the next question once and leave the one after it', async () => {
    const { host, sessionId } = await chatWithSession(server, { live: true });
    const q1 = await addQuestion(host.api, sessionId, 'One');
    const q2 = await addQuestion(host.api, sessionId, 'Two');
    const before = await countRows(server, 'statuses');
    const [a, b] = await Promise.all([
      host.api.post(`/api/v1/sessions/${sessionId}/next`),
      host.api.post(`/api/v1/sessions/${sessionId}/next`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).toBe(q1.id);
    expect(b.body.id).toBe(q1.id);
    expect(a.body.status.id).toBe(b.body.status.id);
    expect((await countRows(server, 'statuses')) - before).toBe(1);
    const list = (await host.api.get(`/api/v1/sessions/${sessionId}/questions`)).body;
    expect(list.map((q: { id: string; state: string }) => [q.id, q.state])).toEqual([
      [q1.id, 'published'],
      [q2.id, 'draft'],
    ]);
    // A repeated click that names the question it meant publishes nothing new.
    const repeat = await host.api.post(`/api/v1/sessions/${sessionId}/next`, { expected_id: q1.id });
    expect(repeat.body.status.id).toBe(a.body.status.id);
    // Right after, a plain Next is taken for the same double click…
    const echo = await host.api.post(`/api/v1/sessions/${sessionId}/next`);
    expect(echo.body.id).toBe(q1.id);
    // …while naming the next question publishes it.
    const next = await host.api.post(`/api/v1/sessions/${sessionId}/next`, { expected_id: q2.id });
    expect(next.body).toMatchObject({ id: q2.id, question_number: 2, state: 'published' });
    expect((await countRows(server, 'statuses')) - before).toBe(2);
  });

  it('reorders, renumbers, skips, and refuses to change a published question', async () => {
    const { host, sessionId } = await chatWithSession(server, { live: true });
    const a = await addQuestion(host.api, sessionId, 'A');
    const b = await addQuestion(host.api, sessionId, 'B');
    const c = await addQuestion(host.api, sessionId, 'C');
    const reordered = await host.api.post(`/api/v1/sessions/${sessionId}/questions/reorder`, {
      ids: [c.id, a.id, b.id],
    });
    expect(reordered.status).toBe(200);
    expect(
      reordered.body.map((q: { text: string; question_number: number }) => [q.text, q.question_number]),
    ).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
    const skipped = await host.api.post(`/api/v1/questions/${a.id}/skip`);
    expect(skipped.body).toMatchObject({ state: 'skipped', question_number: null });
    const next = await host.api.post(`/api/v1/sessions/${sessionId}/next`);
    expect(next.body).toMatchObject({ id: c.id, question_number: 1 });
    const after = await host.api.post(`/api/v1/sessions/${sessionId}/next`, { expected_id: b.id });
    expect(after.body).toMatchObject({ id: b.id, question_number: 2 });
    expect(after.body.status.content).toContain('Q2 B');
    expect((await host.api.patch(`/api/v1/questions/${c.id}`, { text: 'changed' })).status).toBe(409);
    expect((await host.api.delete(`/api/v1/questions/${c.id}`)).status).toBe(409);
    const edited = await host.api.patch(`/api/v1/questions/${a.id}`, { text: 'x' });
    expect(edited.status).toBe(409);
  });

  it('updates and deletes a question before it is published', async () => {
    const { host, sessionId } = await chatWithSession(server);
    const q = await addQuestion(host.api, sessionId, 'Draft');
    const patched = await host.api.patch(`/api/v1/questions/${q.id}`, { text: 'Better', offset_minutes: 10 });
    expect(patched.body).toMatchObject({ text: 'Better', offset_minutes: 10, state: 'scheduled' });
    const untimed = await host.api.patch(`/api/v1/questions/${q.id}`, { offset_minutes: null });
    expect(untimed.body).toMatchObject({ offset_minutes: null, state: 'draft', publish_at: null });
    expect((await host.api.delete(`/api/v1/questions/${q.id}`)).status).toBe(200);
    expect((await host.api.get(`/api/v1/sessions/${sessionId}/questions`)).body).toEqual([]);
  });

  it.each([
    ['blank text', { text: '   ', offset_minutes: null }],
    ['a negative offset', { text: 'Q', offset_minutes: -5 }],
    ['a fractional offset', { text: 'Q', offset_minutes: 2.5 }],
    ['an unknown kind', { text: 'Q', kind: 'poll' }],
    ['an image that is no URL', { text: 'Q', image_url: 'javascript:alert(1)' }],
    ['text too long for a status', { text: 'x'.repeat(495) }],
  ])('rejects %s with 422 and writes nothing', async (_name, body) => {
    const { host, sessionId } = await chatWithSession(server);
    const before = await countRows(server, 'session_questions');
    const res = await host.api.post(`/api/v1/sessions/${sessionId}/questions`, body);
    expect(res.status).toBe(422);
    expect(typeof res.body.error).toBe('string');
    expect(await countRows(server, 'session_questions')).toBe(before);
  });

  it('shows participants the published questions, and the upcoming ones when the host makes the agenda public', async () => {
    const { host, sessionId } = await chatWithSession(server, { live: true });
    const guest = await registerUser(server.url);
    const q1 = await addQuestion(host.api, sessionId, 'First');
    await addQuestion(host.api, sessionId, 'Second');
    await host.api.post(`/api/v1/questions/${q1.id}/publish`);
    const anon = new Api(server.url);
    expect(
      (await anon.get(`/api/v1/sessions/${sessionId}/questions`)).body.map((q: { text: string }) => q.text),
    ).toEqual(['First']);
    expect((await host.api.get(`/api/v1/sessions/${sessionId}/questions`)).body).toHaveLength(2);
    const patched = await host.api.patch(`/api/v1/sessions/${sessionId}`, { agenda_public: true });
    expect(patched.status).toBe(200);
    expect(patched.body.agenda_public).toBe(true);
    const seen = (await guest.api.get(`/api/v1/sessions/${sessionId}/questions`)).body;
    expect(seen.map((q: { text: string; state: string }) => [q.text, q.state])).toEqual([
      ['First', 'published'],
      ['Second', 'draft'],
    ]);
    const live = (await anon.get(`/api/v1/sessions/${sessionId}/live`)).body;
    expect(live.current_question.text).toBe('First');
    expect(live.next_question.text).toBe('Second');
    expect(live.agenda_public).toBe(true);
  });
});

describe('who may change the agenda and the spotlight', () => {
  it('answers 401 without a token and 403 to a participant on every write route, writing nothing', async () => {
    const { host, sessionId } = await chatWithSession(server, { live: true });
    const q = await addQuestion(host.api, sessionId, 'Guarded');
    const other = await registerUser(server.url);
    const own = (await other.api.post('/api/v1/statuses', { status: 'hello' })).body;
    const routes: [string, string, unknown][] = [
      ['POST', `/api/v1/sessions/${sessionId}/questions`, { text: 'x' }],
      ['POST', `/api/v1/sessions/${sessionId}/questions/reorder`, { ids: [q.id] }],
      ['POST', `/api/v1/sessions/${sessionId}/next`, {}],
      ['PATCH', `/api/v1/questions/${q.id}`, { text: 'y' }],
      ['DELETE', `/api/v1/questions/${q.id}`, undefined],
      ['POST', `/api/v1/questions/${q.id}/publish`, {}],
      ['POST', `/api/v1/questions/${q.id}/skip`, {}],
      ['POST', `/api/v1/sessions/${sessionId}/spotlight`, { status_id: own.id }],
      ['POST', `/api/v1/sessions/${sessionId}/unspotlight`, { status_id: own.id }],
      ['DELETE', `/api/v1/sessions/${sessionId}/spotlight/${own.id}`, undefined],
      ['GET', `/api/v1/sessions/${sessionId}/acknowledgements`, undefined],
    ];
    const anon = new Api(server.url);
    const before = await countRows(server, 'session_questions');
    const statuses = await countRows(server, 'statuses');
    for (const [method, path, body] of routes) {
      expect([method, path, (await anon.request(method, path, body)).status]).toEqual([method, path, 401]);
      expect([method, path, (await other.api.request(method, path, body)).status]).toEqual([
        method,
        path,
        403,
      ]);
    }
    expect(await countRows(server, 'session_questions')).toBe(before);
    expect(await countRows(server, 'statuses')).toBe(statuses);
    expect((await host.api.get(`/api/v1/sessions/${sessionId}/questions`)).body[0]).toMatchObject({
      text: 'Guarded',
      state: 'draft',
    });
  });

  it('lets a co-host publish', async () => {
    const { host, chatId, sessionId } = await chatWithSession(server, { live: true });
    const co = await registerUser(server.url);
    expect((await host.api.post(`/api/v1/chats/${chatId}/co_hosts`, { account_id: co.id })).status).toBe(200);
    const q = await addQuestion(co.api, sessionId, 'From the co-host');
    const res = await co.api.post(`/api/v1/questions/${q.id}/publish`);
    expect(res.status).toBe(200);
    expect(res.body.status.account.id).toBe(co.id);
    expect(res.body.status.chat.author_role).toBe('co_host');
  });
});
