import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQuestion, chatWithSession, post, room } from './live-helpers';
import { Api, registerUser } from './support/client';
import { startInProcessServer } from './support/in-process';
import type { TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startInProcessServer();
});
afterAll(() => server.close());

const chatOf = (statuses: { id: string; chat: unknown }[]) => new Map(statuses.map((s) => [s.id, s.chat]));

describe('the room', () => {
  it('classifies answers in their common spellings, replies under the right question, and comments', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const q1 = (
      await host.api.post(
        `/api/v1/questions/${(await addQuestion(host.api, sessionId, 'First?')).id}/publish`,
      )
    ).body;
    const q2 = (
      await host.api.post(
        `/api/v1/questions/${(await addQuestion(host.api, sessionId, 'Second?')).id}/publish`,
      )
    ).body;
    const cases: [string, string | undefined, { kind: string; question_number: number | null }][] = [
      [`A1 salsa verde #${hashtag}`, undefined, { kind: 'answer', question_number: 1 }],
      [`A 1 - roasted #${hashtag}`, undefined, { kind: 'answer', question_number: 1 }],
      [`a1) raw #${hashtag}`, undefined, { kind: 'answer', question_number: 1 }],
      [`A10 not question one #${hashtag}`, undefined, { kind: 'answer', question_number: 10 }],
      [`I think Q1 was good #${hashtag}`, undefined, { kind: 'comment', question_number: null }],
      [
        `Q3 from a participant is no question #${hashtag}`,
        undefined,
        { kind: 'comment', question_number: null },
      ],
      [`a reply to the second question #${hashtag}`, q2.status.id, { kind: 'answer', question_number: 2 }],
    ];
    const ids: string[] = [];
    for (const [text, reply] of cases) ids.push((await post(ann.api, text, reply)).id);
    const got = chatOf(await room(ann.api, sessionId, 'limit=40'));
    expect(ids.map((id) => got.get(id))).toEqual(
      cases.map(([, , c]) =>
        expect.objectContaining({ ...c, session_id: sessionId, spotlighted: false, late: false }),
      ),
    );
    expect(got.get(q1.status.id)).toMatchObject({
      kind: 'question',
      question_number: 1,
      author_role: 'host',
    });
  });

  it('takes in a reply without the hashtag to a session status, and a reply to that reply (a comment)', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const bob = await registerUser(server.url);
    const q = (
      await host.api.post(`/api/v1/questions/${(await addQuestion(host.api, sessionId, 'Why?')).id}/publish`)
    ).body;
    const answer = await post(ann.api, 'because I forgot the hashtag', q.status.id);
    const nested = await post(bob.api, 'agreed, also no hashtag', answer.id);
    const unrelated = await post(bob.api, 'not in any room');
    const other = await post(bob.api, `#${hashtag}x another tag entirely`);
    const got = chatOf(await room(new Api(server.url), sessionId));
    expect(got.get(answer.id)).toMatchObject({ kind: 'answer', question_number: 1 });
    // A reply to an answer is a comment in that answer's thread, not a second answer.
    expect(got.get(nested.id)).toMatchObject({ kind: 'comment', question_number: null });
    expect(got.has(unrelated.id)).toBe(false);
    expect(got.has(other.id)).toBe(false);
  });

  it('counts a reply to an answer as a comment in its thread, not another answer, in the room, transcript and recap', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const [eli, pat, kim, lou] = await Promise.all([1, 2, 3, 4].map(() => registerUser(server.url)));
    const q = (
      await host.api.post(
        `/api/v1/questions/${(await addQuestion(host.api, sessionId, 'First?')).id}/publish`,
      )
    ).body;
    const answer = await post(eli.api, `A1 Coffee before anything #${hashtag}`);
    const love = await post(host.api, 'Love this, thanks for sharing!', answer.id);
    const same = await post(pat.api, `@${eli.username} Same here, coffee first`, answer.id);
    const saysA1 = await post(kim.api, `@${eli.username} A1 Tea for me`, answer.id);
    const toQuestion = await post(lou.api, 'Reading the news', q.status.id);
    const toComment = await post(pat.api, 'Ha, agreed', love.id);

    const got = chatOf(await room(host.api, sessionId));
    const comment = { kind: 'comment', question_number: null };
    expect(got.get(love.id)).toMatchObject(comment);
    expect(got.get(same.id)).toMatchObject(comment);
    expect(got.get(toComment.id)).toMatchObject(comment);
    expect(got.get(saysA1.id)).toMatchObject({ kind: 'answer', question_number: 1 });
    expect(got.get(toQuestion.id)).toMatchObject({ kind: 'answer', question_number: 1 });
    const answers = [answer.id, saysA1.id, toQuestion.id];
    expect((await room(host.api, sessionId, 'question=1')).map((s) => s.id).sort()).toEqual(
      [q.status.id, ...answers].sort(),
    );

    const transcript = (await new Api(server.url).get(`/api/v1/sessions/${sessionId}/transcript`)).body;
    expect(transcript.questions).toMatchObject([{ question_number: 1, answers_count: 3 }]);
    const recap = (await new Api(server.url).get(`/api/v1/sessions/${sessionId}/recap`)).body;
    expect(recap.answers_per_question).toEqual([{ question_number: 1, count: 3 }]);
  });

  it('leaves out statuses on the hashtag outside the session window, and adds a late reply marked late', async () => {
    const upcoming = await chatWithSession(server); // starts in an hour: outside the 15-minute grace
    const ann = await registerUser(server.url);
    const early = await post(ann.api, `A1 too early #${upcoming.hashtag}`);
    expect((await room(ann.api, upcoming.sessionId)).map((s) => s.id)).not.toContain(early.id);

    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const q = (
      await host.api.post(`/api/v1/questions/${(await addQuestion(host.api, sessionId, 'Last?')).id}/publish`)
    ).body;
    expect((await host.api.post(`/api/v1/sessions/${sessionId}/end`)).status).toBe(200);
    const after = await post(ann.api, `A1 after the end #${hashtag}`);
    const late = await post(ann.api, 'A1 late but in the thread', q.status.id);
    const got = chatOf(await room(ann.api, sessionId));
    expect(got.has(after.id)).toBe(false);
    expect(got.get(late.id)).toMatchObject({ kind: 'answer', question_number: 1, late: true });
  });

  it('counts a status on the extra tag of an event session', async () => {
    const { sessionId } = await chatWithSession(server, { live: true, extraTag: 'KidsCode' });
    const ann = await registerUser(server.url);
    const s = await post(ann.api, 'A1 on the extra tag #KidsCode');
    expect(chatOf(await room(ann.api, sessionId)).get(s.id)).toMatchObject({
      kind: 'answer',
      question_number: 1,
    });
  });

  it('filters to the hosts and guests, and to one question thread', async () => {
    const guest = await registerUser(server.url);
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true, guests: [guest.id] });
    const ann = await registerUser(server.url);
    const q1 = (
      await host.api.post(`/api/v1/questions/${(await addQuestion(host.api, sessionId, 'One?')).id}/publish`)
    ).body;
    const q2 = (
      await host.api.post(`/api/v1/questions/${(await addQuestion(host.api, sessionId, 'Two?')).id}/publish`)
    ).body;
    const a1 = await post(ann.api, `A1 yes #${hashtag}`);
    const g1 = await post(guest.api, `A1 the expert view #${hashtag}`);
    const a2 = await post(ann.api, `A2 no #${hashtag}`);
    const hostReply = await post(host.api, 'thanks!', a2.id);
    const c = await post(ann.api, `just saying hi #${hashtag}`);

    const hosts = await room(ann.api, sessionId, 'only=hosts');
    expect(hosts.map((s) => s.id)).toEqual([hostReply.id, g1.id, q2.status.id, q1.status.id]);
    expect(hosts.find((s) => s.id === g1.id).chat.author_role).toBe('guest');
    const thread1 = await room(ann.api, sessionId, 'question=1');
    expect(thread1.map((s) => s.id)).toEqual([g1.id, a1.id, q1.status.id]);
    const thread2 = await room(ann.api, sessionId, 'question=2');
    // The host's "thanks!" to an answer is a comment, not an answer to Q2.
    expect(thread2.map((s) => s.id)).toEqual([a2.id, q2.status.id]);
    const all = await room(ann.api, sessionId);
    expect(all[0].id).toBe(c.id);
    expect(all).toHaveLength(7);
  });

  it('pages newest first with max_id, min_id and a Link header', async () => {
    const { hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(ann.api, `comment ${i} #${hashtag}`)).id);
    const first = await ann.api.get(`/api/v1/sessions/${sessionId}/room?limit=2`);
    expect(first.body.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]]);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain(`max_id=${ids[3]}`);
    expect(link).toContain('limit=2');
    const second = await room(ann.api, sessionId, `limit=2&max_id=${ids[3]}`);
    expect(second.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    const newer = await room(ann.api, sessionId, `limit=2&min_id=${ids[1]}`);
    expect(newer.map((s) => s.id)).toEqual([ids[3], ids[2]]);
    const since = await room(ann.api, sessionId, `since_id=${ids[2]}`);
    expect(since.map((s) => s.id)).toEqual([ids[4], ids[3]]);
  });

  it('spotlights and unspotlights a status', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const s = await post(ann.api, `A1 pin me #${hashtag}`);
    const on = await host.api.post(`/api/v1/sessions/${sessionId}/spotlight`, { status_id: s.id });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({
      status_id: s.id,
      spotlighted: true,
      status: { id: s.id, chat: { spotlighted: true } },
    });
    const live = (await new Api(server.url).get(`/api/v1/sessions/${sessionId}/live`)).body;
    expect(live.spotlighted.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await room(ann.api, sessionId))[0].chat.spotlighted).toBe(true);
    const off = await host.api.delete(`/api/v1/sessions/${sessionId}/spotlight/${s.id}`);
    expect(off.body).toMatchObject({ spotlighted: false });
    expect((await new Api(server.url).get(`/api/v1/sessions/${sessionId}/live`)).body.spotlighted).toEqual(
      [],
    );
    const outside = await post(ann.api, 'not in the room');
    expect(
      (await host.api.post(`/api/v1/sessions/${sessionId}/spotlight`, { status_id: outside.id })).status,
    ).toBe(404);
  });

  it('lists participants waiting for a host, and empties as the host replies and likes', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const bob = await registerUser(server.url);
    await post(host.api, `Welcome! #${hashtag}`);
    const a1 = await post(ann.api, `A1 first #${hashtag}`);
    const a2 = await post(ann.api, `A2 second #${hashtag}`);
    const b1 = await post(bob.api, `A1 hello #${hashtag}`);
    const ack = async () => (await host.api.get(`/api/v1/sessions/${sessionId}/acknowledgements`)).body;
    const waiting = await ack();
    expect(
      waiting.map((w: { account: { id: string }; statuses_count: number; last_status: { id: string } }) => [
        w.account.id,
        w.statuses_count,
        w.last_status.id,
      ]),
    ).toEqual([
      [ann.id, 2, a2.id],
      [bob.id, 1, b1.id],
    ]);
    await post(host.api, 'great answer', a1.id);
    expect((await ack()).map((w: { account: { id: string } }) => w.account.id)).toEqual([bob.id]);
    expect((await host.api.post(`/api/v1/statuses/${b1.id}/favourite`)).status).toBe(200);
    expect(await ack()).toEqual([]);
  });

  it('reports the live counters', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    await post(host.api, `Hello #${hashtag}`);
    await post(ann.api, `A1 hi #${hashtag}`);
    await post(ann.api, `A1 again #${hashtag}`);
    const live = (await new Api(server.url).get(`/api/v1/sessions/${sessionId}/live`)).body;
    expect(live.counters).toEqual({ people_in_room: 0, participants: 2, posts_per_minute: 3, statuses: 3 });
    expect(live.session.id).toBe(sessionId);
    expect(live.current_question).toBeNull();
  });

  it('drops a deleted status from the room', async () => {
    const { hashtag, sessionId } = await chatWithSession(server, { live: true });
    const ann = await registerUser(server.url);
    const s = await post(ann.api, `A1 oops #${hashtag}`);
    expect((await ann.api.delete(`/api/v1/statuses/${s.id}`)).status).toBe(200);
    expect(await room(ann.api, sessionId)).toEqual([]);
  });
});
