// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModerationFixture, moderationFixture } from './moderation-fixture';
import { Api, registerUser } from './support/client';

let f: ModerationFixture;
beforeAll(async () => {
  f = await moderationFixture();
  await f.ok(
    f.users.host.api.request('PUT', `/api/v1/sessions/${f.sessionId}/town_hall`, {
      town_hall: true,
      submission_marker: '#ask',
    }),
  );
});
afterAll(async () => {
  await f?.server.close();
});

const ask = async (who: Api, text: string, approve = true) => {
  f.advance(61_000); // each test asks a few; stay under the per-minute limit
  const s = await f.ok(who.post(`/api/v1/sessions/${f.sessionId}/submissions`, { text }));
  if (approve) await f.ok(f.users.host.api.post(`/api/v1/submissions/${s.id}/approve`));
  return s.id as string;
};
const list = async (who: Api, query = 'sort=votes&limit=80') =>
  (await f.ok(who.get(`/api/v1/sessions/${f.sessionId}/submissions?${query}`))) as any[];
const one = async (who: Api, id: string) => (await list(who)).find((s) => s.id === id);

describe('asking', () => {
  it('queues a question as pending, seen by its asker and moderators until approved', async () => {
    const { ann, bob, host } = f.users;
    const s = await f.ok(
      ann.api.post(`/api/v1/sessions/${f.sessionId}/submissions`, { text: 'When do buses run?' }),
    );
    expect(s).toMatchObject({
      text: 'When do buses run?',
      account: { id: ann.id },
      votes_count: 0,
      new_account_votes_count: null,
      voted: false,
      state: 'pending',
      answer_status_id: null,
      merged_into_id: null,
    });
    expect((await list(bob.api)).map((x) => x.id)).not.toContain(s.id);
    expect((await list(ann.api)).map((x) => x.id)).toContain(s.id);
    expect((await list(host.api, 'state=pending')).map((x) => x.id)).toContain(s.id);
    await f.ok(host.api.post(`/api/v1/submissions/${s.id}/approve`));
    expect((await one(bob.api, s.id)).state).toBe('approved');
  });

  it('turns a status with the hashtag and the marker into a question', async () => {
    const status = await f.post(f.users.bob.api, `#ask What about the park? #${f.tag}`);
    const pending = await list(f.users.host.api, 'state=pending&sort=newest');
    expect(pending.find((s) => s.status_id === status)).toMatchObject({ account: { id: f.users.bob.id } });
  });

  it('limits how fast one account asks', async () => {
    const who = await registerUser(f.server.url);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await who.api.post(`/api/v1/sessions/${f.sessionId}/submissions`, { text: `Q ${i}` })).status,
      );
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('voting', () => {
  it('counts one vote per account, even from two concurrent requests, and takes it back', async () => {
    const { ann, bob } = f.users;
    const id = await ask(ann.api, 'Is the library open on Sundays?');
    const [a, b] = await Promise.all([
      bob.api.post(`/api/v1/submissions/${id}/vote`),
      bob.api.post(`/api/v1/submissions/${id}/vote`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await f.ok(bob.api.post(`/api/v1/submissions/${id}/vote`))).votes_count).toBe(1);
    expect(await one(bob.api, id)).toMatchObject({ votes_count: 1, voted: true });
    expect(await one(ann.api, id)).toMatchObject({ votes_count: 1, voted: false });
    const rows = await f.server.ctx.store.db
      .selectFrom('submission_votes')
      .selectAll()
      .where('submission_id', '=', Number(id))
      .execute();
    expect(rows).toHaveLength(1);
    const back = await f.ok(bob.api.delete(`/api/v1/submissions/${id}/vote`));
    expect(back).toMatchObject({ votes_count: 0, voted: false });
    expect((await f.ok(bob.api.delete(`/api/v1/submissions/${id}/vote`))).votes_count).toBe(0);
  });

  it('counts votes from accounts made after the session was announced apart, a figure for moderators only', async () => {
    const { ann, cat, host } = f.users;
    const id = await ask(ann.api, 'Who pays for the new bridge?');
    await f.ok(cat.api.post(`/api/v1/submissions/${id}/vote`));
    const late = await registerUser(f.server.url);
    const after = await f.ok(late.api.post(`/api/v1/submissions/${id}/vote`));
    expect(after).toMatchObject({ votes_count: 2, new_account_votes_count: null });
    expect(await one(host.api, id)).toMatchObject({ votes_count: 2, new_account_votes_count: 1 });
    for (const who of [ann, cat]) {
      expect(await one(who.api, id)).toMatchObject({ votes_count: 2, new_account_votes_count: null });
    }
    const anonymous = await f.ok(
      new Api(f.server.url).get(`/api/v1/sessions/${f.sessionId}/submissions?sort=votes&limit=80`),
    );
    expect(anonymous.find((s: any) => s.id === id)).toMatchObject({ new_account_votes_count: null });
    // A host's own vote answers with the figure, a participant's without.
    expect(await f.ok(host.api.post(`/api/v1/submissions/${id}/vote`))).toMatchObject({
      new_account_votes_count: 1,
    });
  });

  it('refuses a vote for one’s own question (403) and counts nothing', async () => {
    const { ann, bob } = f.users;
    const id = await ask(ann.api, 'May I vote for my own question?');
    const res = await ann.api.post(`/api/v1/submissions/${id}/vote`);
    expect([res.status, res.body]).toEqual([403, { error: 'You cannot vote for your own question' }]);
    expect(await one(bob.api, id)).toMatchObject({ votes_count: 0 });
    expect(await one(ann.api, id)).toMatchObject({ votes_count: 0, voted: false });
  });

  it('does not take votes on pending or dismissed questions, and hides them from all but their asker', async () => {
    const id = await ask(f.users.ann.api, 'Pending one', false);
    expect((await f.users.host.api.post(`/api/v1/submissions/${id}/vote`)).status).toBe(409);
    for (const method of ['POST', 'DELETE']) {
      const res = await f.users.bob.api.request(method, `/api/v1/submissions/${id}/vote`);
      expect([method, res.status, res.body]).toEqual([method, 404, { error: 'Record not found' }]);
    }
  });
});

describe('curation', () => {
  it('merges a near-duplicate: votes combine, each voter counted once', async () => {
    const { ann, bob, cat, dan, host } = f.users;
    const keep = await ask(ann.api, 'What about potholes?');
    const dup = await ask(bob.api, 'Potholes on Main St?');
    await f.ok(cat.api.post(`/api/v1/submissions/${keep}/vote`));
    await f.ok(dan.api.post(`/api/v1/submissions/${keep}/vote`));
    await f.ok(dan.api.post(`/api/v1/submissions/${dup}/vote`));
    await f.ok(ann.api.post(`/api/v1/submissions/${dup}/vote`));
    const merged = await f.ok(
      host.api.post(`/api/v1/submissions/${dup}/merge`, { into_id: keep, reason: 'same' }),
    );
    expect(merged).toMatchObject({ id: keep, votes_count: 3 });
    const listed = await list(cat.api);
    expect(listed.map((s) => s.id)).not.toContain(dup);
    // A vote on the merged question goes to the one it merged into, once.
    expect((await f.ok(cat.api.post(`/api/v1/submissions/${dup}/vote`))).votes_count).toBe(3);
    expect((await f.ok(bob.api.post(`/api/v1/submissions/${dup}/vote`))).votes_count).toBe(4);
  });

  it('sorts by votes, newest and unanswered', async () => {
    const { ann, bob, cat, host } = f.users;
    const low = await ask(ann.api, 'Low');
    const high = await ask(ann.api, 'High');
    await f.ok(bob.api.post(`/api/v1/submissions/${high}/vote`));
    await f.ok(cat.api.post(`/api/v1/submissions/${high}/vote`));
    await f.ok(bob.api.post(`/api/v1/submissions/${low}/vote`));
    const byVotes = (await list(bob.api)).map((s) => s.id);
    expect(byVotes.indexOf(high)).toBeLessThan(byVotes.indexOf(low));
    const votes = (await list(bob.api)).map((s) => s.votes_count);
    expect([...votes].sort((a, b) => b - a)).toEqual(votes);
    const newest = (await list(bob.api, 'sort=newest')).map((s) => Number(s.id));
    expect([...newest].sort((a, b) => b - a)).toEqual(newest);
    await f.ok(host.api.post(`/api/v1/submissions/${high}/answered`));
    const unanswered = (await list(bob.api, 'sort=unanswered')).map((s) => s.id);
    expect(unanswered).toContain(low);
    expect(unanswered).not.toContain(high);
  });

  it('pages the vote-sorted queue with a cursor in the Link header', async () => {
    const first = await f.users.bob.api.get(`/api/v1/sessions/${f.sessionId}/submissions?sort=votes&limit=2`);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1];
    const second = await f.ok(f.users.bob.api.get(next.replace(f.server.url, '')));
    const ids = [...first.body, ...second].map((s: any) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = (await list(f.users.bob.api)).slice(0, ids.length).map((s) => s.id);
    expect(ids).toEqual(all);
  });

  it('marks one question answering (announced on the session stream), then answered, notifying its askers', async () => {
    const { ann, bob, host } = f.users;
    const room = await f.listen(`session:${f.sessionId}`);
    const first = await ask(ann.api, 'First in line?');
    const second = await ask(ann.api, 'Second?');
    const dup = await ask(bob.api, 'Second, again?');
    await f.ok(host.api.post(`/api/v1/submissions/${dup}/merge`, { into_id: second }));
    await f.ok(host.api.post(`/api/v1/submissions/${first}/answering`));
    const now = await f.ok(host.api.post(`/api/v1/submissions/${second}/answering`));
    expect(now.state).toBe('answering');
    expect((await one(bob.api, first)).state).toBe('approved');
    await room.waitFor((e) =>
      e.some((x) => x.event === 'chat.answering' && JSON.parse(x.payload).id === second),
    );
    const answer = await f.post(host.api, `A: here is the answer #${f.tag}`);
    const done = await f.ok(host.api.post(`/api/v1/submissions/${second}/answered`, { status_id: answer }));
    expect(done).toMatchObject({ state: 'answered', answer_status_id: answer });
    for (const asker of [ann, bob]) {
      const n = await f.ok(asker.api.get('/api/v1/notifications?types[]=submission_answered'));
      expect(n.find((x: any) => x.ref_id === second)).toMatchObject({
        type: 'submission_answered',
        status: { id: answer },
        account: { id: host.id },
      });
    }
  });

  it('announces to the room no question that was never public: dismissed, or merged into, while pending', async () => {
    const { ann, bob, host } = f.users;
    const room = await f.listen(`session:${f.sessionId}`);
    const dismissed = await ask(ann.api, 'Pending, then dismissed', false);
    await f.ok(host.api.post(`/api/v1/submissions/${dismissed}/dismiss`, { reason: 'no' }));
    const waiting = await ask(ann.api, 'Pending, merged into', false);
    const approved = await ask(bob.api, 'Approved, merged into a pending one');
    await f.ok(host.api.post(`/api/v1/submissions/${approved}/merge`, { into_id: waiting }));
    const marker = await ask(bob.api, 'Marker');
    await room.waitFor((e) =>
      e.some((x) => x.event === 'chat.submission' && JSON.parse(x.payload).id === marker),
    );
    const announced = room.events
      .filter((x) => x.event.startsWith('chat.'))
      .map((x) => JSON.parse(x.payload).id);
    expect(announced).not.toContain(dismissed);
    expect(announced).not.toContain(waiting);
  });

  it('dismisses with a reason that shows in the log and the public counts', async () => {
    const id = await ask(f.users.ann.api, 'Off topic question', false);
    await f.ok(
      f.users.cohost.api.post(`/api/v1/submissions/${id}/dismiss`, { reason: 'not about the city' }),
    );
    const log = await f.ok(f.users.host.api.get(`/api/v1/sessions/${f.sessionId}/moderation`));
    expect(log.find((a: any) => a.submission_id === id)).toMatchObject({
      action: 'dismiss_submission',
      reason: 'not about the city',
      moderator: { id: f.users.cohost.id },
    });
    const stats = await f.ok(f.users.ann.api.get(`/api/v1/chats/${f.chatId}/moderation_stats`));
    expect(stats.by_action.dismiss_submission).toBeGreaterThanOrEqual(1);
    expect((await one(f.users.ann.api, id)).dismiss_reason).toBe('not about the city');
  });

  it('carries the top unanswered questions into a follow-up session with their votes', async () => {
    const { ann, bob, cat, dan, host, cohost, mod } = f.users;
    const top = await ask(ann.api, 'Carry me');
    for (const v of [bob, cat, dan, host, cohost, mod])
      await f.ok(v.api.post(`/api/v1/submissions/${top}/vote`));
    const next = await f.newSession();
    const carried = await f.ok(
      host.api.post(`/api/v1/sessions/${f.sessionId}/submissions/carry_over`, {
        to_session_id: next,
        limit: 1,
      }),
    );
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({
      session_id: next,
      state: 'approved',
      carried_from_id: top,
      votes_count: 6,
    });
  });
});
