// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { expect } from 'vitest';
import { type Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * A chat with two sessions, seeded through the API the way people would use it, on a clock the
 * test moves. Session 1 (earlier): the host asks, Ann answers. Session 2 (the one under test):
 *
 *   14:50:00 host starts it (minute 0)
 *   14:50:10 host      Q1 …                             question 1
 *   14:51:00 ann       A1 … https://example.com/tacos    answer 1   (liked by dan and eve)
 *   14:51:30 bob       A1 … @ann https://Example.com/tacos#x  answer 1 (liked by ann, reposted by eve; spotlighted)
 *   14:52:10 cat       reply to Q1, no "A1"             answer 1
 *   14:53:00 cohost    Q2 …                             question 2
 *   14:53:20 ann       A2 …                             answer 2
 *   14:54:00 bob       comment mentioning @ann @cat, in Spanish
 *   14:54:30 cat       comment, then hidden by a moderator
 *   14:55:00 ann       A2 …, then deleted
 *   14:56:00 host ends it
 *   14:58:00 dan       "@ann A1 Agreed!" replying to Ann's A1: a late answer 1 (it says "A1";
 *                      a reply to an answer without it is a comment in that answer's thread)
 *
 * Follows: dan → ann, dan → bob, eve → ann, ann → bob.
 */
export interface Seeded {
  server: TestServer;
  tag: string;
  chatId: string;
  session1Id: string;
  sessionId: string;
  users: Record<
    'host' | 'cohost' | 'ann' | 'bob' | 'cat' | 'dan' | 'eve',
    Awaited<ReturnType<typeof registerUser>>
  >;
  /** Status ids by name. */
  s: Record<
    'q1' | 'annA1' | 'bobA1' | 'catA1' | 'q2' | 'annA2' | 'bobComment' | 'hidden' | 'deleted' | 'danLate',
    string
  >;
  /** Texts as posted. */
  text: Record<string, string>;
  /** The transcript page fetched while the session was live. */
  livePage: string;
  setClock(iso: string): void;
}

export async function seedTranscript(): Promise<Seeded> {
  let clock = Date.parse('2027-03-01T12:00:00Z');
  const setClock = (iso: string) => {
    clock = Date.parse(iso);
  };
  const server = await startTestServer({ now: () => clock });
  await registerUser(server.url); // the first account is the admin
  const names = ['host', 'cohost', 'ann', 'bob', 'cat', 'dan', 'eve'] as const;
  const users = {} as Seeded['users'];
  for (const n of names) users[n] = await registerUser(server.url);
  const tag = `tacotalk${Math.random().toString(36).slice(2, 6)}`;
  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  for (const [from, to] of [
    ['dan', 'ann'],
    ['dan', 'bob'],
    ['eve', 'ann'],
    ['ann', 'bob'],
  ] as const)
    await ok(users[from].api.post(`/api/v1/accounts/${users[to].id}/follow`));

  const chat = await ok(
    users.host.api.post('/api/v1/chats', {
      hashtag: `#${tag}`,
      title: 'Taco Talk',
      description: 'Tacos, weekly',
      language: 'en',
      time_zone: 'America/New_York',
    }),
  );
  await ok(users.host.api.post(`/api/v1/chats/${chat.id}/co_hosts`, { account_id: users.cohost.id }));
  const newSession = (startsAt: string, title: string) =>
    ok(
      users.host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
        title,
        starts_at: startsAt,
        duration_minutes: 60,
      }),
    );
  const session1 = await newSession('2027-03-01T13:00:00Z', 'Warm-up');
  const session2 = await newSession('2027-03-01T15:00:00Z', 'Tacos of the world');

  const text: Record<string, string> = {};
  const post = async (who: Api, name: string, status: string, extra: Record<string, unknown> = {}) => {
    text[name] = status;
    const body = await ok(who.post('/api/v1/statuses', { status, language: 'en', ...extra }));
    return body.id as string;
  };

  // Session 1, started early and ended early, so no scheduled job races the test's clock.
  setClock('2027-03-01T12:50:00Z');
  await ok(users.host.api.post(`/api/v1/sessions/${session1.id}/start`));
  setClock('2027-03-01T12:51:00Z');
  await post(users.host.api, 's1q1', `Q1 Warm-up: what did you eat today? #${tag}`);
  setClock('2027-03-01T12:52:00Z');
  await post(users.ann.api, 's1a1', `A1 Tacos, of course #${tag}`);
  setClock('2027-03-01T12:58:00Z');
  await ok(users.host.api.post(`/api/v1/sessions/${session1.id}/end`));

  setClock('2027-03-01T14:50:00Z');
  await ok(users.host.api.post(`/api/v1/sessions/${session2.id}/start`));
  const s = {} as Seeded['s'];
  setClock('2027-03-01T14:50:10Z');
  s.q1 = await post(users.host.api, 'q1', `Q1 What is your favourite taco, and why? #${tag}`);
  setClock('2027-03-01T14:51:00Z');
  s.annA1 = await post(users.ann.api, 'annA1', `A1 Al pastor <3 — recipe: https://example.com/tacos #${tag}`);
  setClock('2027-03-01T14:51:30Z');
  s.bobA1 = await post(
    users.bob.api,
    'bobA1',
    `A1 Fish tacos with salsa from @${users.ann.username} https://Example.com/tacos#x #${tag}`,
  );
  setClock('2027-03-01T14:52:10Z');
  s.catA1 = await post(users.cat.api, 'catA1', 'Carnitas, *crispy* ones', { in_reply_to_id: s.q1 });
  setClock('2027-03-01T14:53:00Z');
  s.q2 = await post(users.cohost.api, 'q2', `Q2 Corn or flour tortillas? #${tag}`);
  setClock('2027-03-01T14:53:20Z');
  s.annA2 = await post(users.ann.api, 'annA2', `A2 Corn, always #${tag}`);
  setClock('2027-03-01T14:54:00Z');
  s.bobComment = await post(
    users.bob.api,
    'bobComment',
    `Me encanta este chat @${users.ann.username} @${users.cat.username} #${tag}`,
    { language: 'es' },
  );
  setClock('2027-03-01T14:54:30Z');
  s.hidden = await post(users.cat.api, 'hidden', `Something rude #${tag}`);
  setClock('2027-03-01T14:55:00Z');
  s.deleted = await post(users.ann.api, 'deleted', `A2 Flour, I changed my mind #${tag}`);

  await ok(users.host.api.post(`/api/v1/sessions/${session2.id}/spotlight`, { status_id: s.bobA1 }));
  await ok(users.dan.api.post(`/api/v1/statuses/${s.annA1}/favourite`));
  await ok(users.eve.api.post(`/api/v1/statuses/${s.annA1}/favourite`));
  await ok(users.ann.api.post(`/api/v1/statuses/${s.bobA1}/favourite`));
  await ok(users.eve.api.post(`/api/v1/statuses/${s.bobA1}/reblog`));
  await ok(users.ann.api.delete(`/api/v1/statuses/${s.deleted}`));
  // A moderator hides it (set directly, as the moderation console would).
  await server.ctx.store.db
    .updateTable('session_statuses')
    .set({ room_state: 'hidden' })
    .where('status_id', '=', Number(s.hidden))
    .execute();

  const livePage = await (await fetch(`${server.url}/sessions/${session2.id}`)).text();

  setClock('2027-03-01T14:56:00Z');
  await ok(users.host.api.post(`/api/v1/sessions/${session2.id}/end`));
  setClock('2027-03-01T14:58:00Z');
  s.danLate = await post(users.dan.api, 'danLate', `@${users.ann.username} A1 Agreed!`, {
    in_reply_to_id: s.annA1,
  });

  return {
    server,
    tag,
    chatId: chat.id,
    session1Id: session1.id,
    sessionId: session2.id,
    users,
    s,
    text,
    livePage,
    setClock,
  };
}
