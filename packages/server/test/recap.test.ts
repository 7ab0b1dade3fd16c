import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from './support/client';
import { type Seeded, seedTranscript } from './transcript-seed';

let seed: Seeded;
let anon: Api;

beforeAll(async () => {
  seed = await seedTranscript();
  anon = new Api(seed.server.url);
});
afterAll(async () => {
  await seed?.server.close();
});

describe('GET /api/v1/sessions/:id/recap', () => {
  // Every figure below is counted by hand from the timeline in transcript-seed.ts.
  it('has every figure of the seeded session', async () => {
    const { users, s } = seed;
    const r = await anon.get(`/api/v1/sessions/${seed.sessionId}/recap`);
    expect(r.status).toBe(200);
    const b = r.body;
    // Visible: q1, annA1, bobA1, catA1, q2, annA2, bobComment, danLate (hidden and deleted left out).
    expect(b.statuses_count).toBe(8);
    expect(b.late_statuses_count).toBe(1);
    // host, ann, bob, cat, cohost, dan; host and ann posted in session 1.
    expect(b.participants_count).toBe(6);
    expect(b.new_participants_count).toBe(4);
    expect(b.returning_participants_count).toBe(2);
    // q1 (host) and q2 (co-host) of 8.
    expect(b.hosts_statuses_count).toBe(2);
    expect(b.hosts_share).toBe(0.25);
    // Q1: ann, bob, cat (a reply), dan (late); Q2: ann (her second answer was deleted).
    expect(b.answers_per_question).toEqual([
      { question_number: 1, count: 4 },
      { question_number: 2, count: 1 },
    ]);
    // Started 14:50:00: 14:50:10 | 14:51:00 14:51:30 | 14:52:10 | 14:53:00 14:53:20 | 14:54:00; late dan left out.
    expect(b.posts_per_minute).toEqual([
      { minute: 0, at: '2027-03-01T14:50:00.000Z', count: 1 },
      { minute: 1, at: '2027-03-01T14:51:00.000Z', count: 2 },
      { minute: 2, at: '2027-03-01T14:52:00.000Z', count: 1 },
      { minute: 3, at: '2027-03-01T14:53:00.000Z', count: 2 },
      { minute: 4, at: '2027-03-01T14:54:00.000Z', count: 1 },
    ]);
    expect(b.peak_minute).toEqual({ minute: 1, at: '2027-03-01T14:51:00.000Z', count: 2 });
    // ann 2, bob 2, then the ones by account id (registration order: host, cohost, cat, dan).
    expect(
      b.top_participants.map((p: { account: { id: string }; statuses_count: number }) => [
        p.account.id,
        p.statuses_count,
      ]),
    ).toEqual([
      [users.ann.id, 2],
      [users.bob.id, 2],
      [users.host.id, 1],
      [users.cohost.id, 1],
      [users.cat.id, 1],
      [users.dan.id, 1],
    ]);
    // ann's A1: 2 likes; bob's A1: 1 like + 1 repost — equal sums, more likes first.
    expect(
      b.top_answers.map(
        (a: {
          status: { id: string };
          favourites_count: number;
          reblogs_count: number;
          question_number: number;
        }) => [a.status.id, a.question_number, a.favourites_count, a.reblogs_count],
      ),
    ).toEqual([
      [s.annA1, 1, 2, 0],
      [s.bobA1, 1, 1, 1],
    ]);
    // ann: bob's A1 and comment and dan's late reply; cat: bob's comment.
    expect(
      b.most_mentioned.map((m: { account: { id: string }; mentions_count: number }) => [
        m.account.id,
        m.mentions_count,
      ]),
    ).toEqual([
      [users.ann.id, 3],
      [users.cat.id, 1],
    ]);
    // The same page shared twice, spelled two ways.
    expect(b.links).toEqual([
      { url: 'https://example.com/tacos', count: 2, title: null, status_id: s.annA1 },
    ]);
    expect(b.languages).toEqual([
      { language: 'en', count: 7 },
      { language: 'es', count: 1 },
    ]);
    // Followers of participants: ann ← dan, eve; bob ← dan, ann → {dan, eve, ann}.
    expect(b.potential_reach).toBe(3);
    // ann (2 followers) × 2 statuses + bob (2 followers) × 2 statuses; everyone else has none.
    expect(b.potential_impressions).toBe(8);
    expect(b.definitions.potential_reach).toMatch(/distinct accounts following/);
    expect(b.definitions.potential_impressions).toMatch(/sum over statuses/);
    expect(b.final).toBe(true);
    expect(b.transcript_url).toBe(`${seed.server.url}/sessions/${seed.sessionId}`);
    expect(b.published).toBeNull();
  });

  it('counts the earlier session on its own: everyone new', async () => {
    const r = await anon.get(`/api/v1/sessions/${seed.session1Id}/recap`);
    expect(r.body).toMatchObject({
      statuses_count: 2,
      participants_count: 2,
      new_participants_count: 2,
      returning_participants_count: 0,
      hosts_statuses_count: 1,
      hosts_share: 0.5,
      answers_per_question: [{ question_number: 1, count: 1 }],
      potential_reach: 2, // ann's followers: dan, eve
    });
  });

  it.each([
    ['/api/v1/sessions/99999999/recap'],
    ['/api/v1/sessions/abc/recap'],
    ['/api/v1/chats/99999999/stats'],
  ])('%s is 404', async (path) => {
    expect((await anon.get(path)).status).toBe(404);
  });
});

describe('GET /api/v1/chats/:id/stats', () => {
  it('puts the sessions side by side, oldest first', async () => {
    const r = await anon.get(`/api/v1/chats/${seed.chatId}/stats`);
    expect(r.status).toBe(200);
    expect(
      r.body.sessions.map(
        (x: {
          session: { id: string };
          statuses_count: number;
          participants_count: number;
          new_participants_count: number;
          returning_participants_count: number;
        }) => [
          x.session.id,
          x.statuses_count,
          x.participants_count,
          x.new_participants_count,
          x.returning_participants_count,
        ],
      ),
    ).toEqual([
      [seed.session1Id, 2, 2, 2, 0],
      [seed.sessionId, 8, 6, 4, 2],
    ]);
  });

  it('keeps the latest sessions when limited', async () => {
    const r = await anon.get(`/api/v1/chats/${seed.chatId}/stats?limit=1`);
    expect(r.body.sessions.map((x: { session: { id: string } }) => x.session.id)).toEqual([seed.sessionId]);
    // Counted against the whole history, not just the page.
    expect(r.body.sessions[0].new_participants_count).toBe(4);
  });
});

describe('POST /api/v1/sessions/:id/recap/publish', () => {
  it('is for hosts only: 401 without a token, 403 for a participant', async () => {
    expect((await anon.post(`/api/v1/sessions/${seed.sessionId}/recap/publish`)).status).toBe(401);
    expect((await seed.users.eve.api.post(`/api/v1/sessions/${seed.sessionId}/recap/publish`)).status).toBe(
      403,
    );
  });

  it('404s for an unknown session', async () => {
    expect((await seed.users.host.api.post('/api/v1/sessions/99999999/recap/publish')).status).toBe(404);
  });

  it('posts the thread from the host once; publishing again returns the same statuses', async () => {
    const { users } = seed;
    seed.setClock('2027-03-01T16:30:00Z');
    const first = await users.cohost.api.post(`/api/v1/sessions/${seed.sessionId}/recap/publish`);
    expect(first.status).toBe(200);
    expect(first.body.already_published).toBe(false);
    const statuses = first.body.statuses as {
      id: string;
      content: string;
      account: { id: string };
      in_reply_to_id: string | null;
    }[];
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((x) => x.account.id === users.cohost.id)).toBe(true);
    // A thread: each status replies to the one before.
    for (let i = 1; i < statuses.length; i++) expect(statuses[i].in_reply_to_id).toBe(statuses[i - 1].id);
    const head = statuses[0].content;
    expect(head).toContain('6 people');
    expect(head).toContain('8 posts');
    expect(head).toContain('4 new');
    expect(head).toContain(`@<span>${users.ann.username}</span>`);
    expect(head).toContain(`${seed.server.url}/sessions/${seed.sessionId}`);
    expect(head).toContain(`#<span>${seed.tag}</span>`);
    const all = statuses.map((x) => x.content).join(' ');
    expect(all).toContain('https://example.com/tacos');

    const again = await users.host.api.post(`/api/v1/sessions/${seed.sessionId}/recap/publish`);
    expect(again.status).toBe(200);
    expect(again.body.already_published).toBe(true);
    expect(again.body.statuses.map((x: { id: string }) => x.id)).toEqual(statuses.map((x) => x.id));

    const recap = await new Api(seed.server.url).get(`/api/v1/sessions/${seed.sessionId}/recap`);
    expect(recap.body.published.status_ids).toEqual(statuses.map((x) => x.id));
    // The recap thread does not count itself.
    expect(recap.body.statuses_count).toBe(8);
  });
});
