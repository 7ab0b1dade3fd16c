// biome-ignore-all lint/suspicious/noExplicitAny: seeding reads untyped JSON bodies and checks each write
/**
 * Seeds a LIVE session room through the API, as people would fill it: a host, a co-host, a guest
 * expert, participants, an agenda with Q1 and Q2 out (Q2 is the current question), answers
 * grouped under them and a few likes. Used by the README screenshot.
 */
import { type Api, registerUser } from '../../../server/test/support/client';

export const LIVE_TAG = 'SmallBizChat';

type Person = Awaited<ReturnType<typeof registerUser>>;

export interface LiveRoomSeed {
  tag: string;
  chatId: string;
  sessionId: string;
  host: Person;
  people: Record<string, Person>;
}

const PEOPLE: [key: string, username: string, displayName: string][] = [
  ['host', 'hostjane', 'Jane Okafor'],
  ['coHost', 'omar_ops', 'Omar Haddad'],
  ['guest', 'priya_growth', 'Priya Raman'],
  ['maya', 'maya_bakes', 'Maya · Leeds Bakery'],
  ['leo', 'inkbyleo', 'Leo Marchetti'],
  ['sam', 'sam_ships', 'Sam Whitaker'],
];

const AGENDA = [
  'Where did your very first customer come from?',
  'What would you do differently in your first year?',
  'Which one tool would you keep if you had to drop all the others?',
];

/** A write that must succeed; the body of its answer. */
async function must(api: Api, method: 'POST' | 'PATCH', path: string, body: unknown = {}): Promise<any> {
  const res = await api.request(method, path, body);
  if (res.status !== 200)
    throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function seedLiveRoom(base: string, tag = LIVE_TAG): Promise<LiveRoomSeed> {
  const registered = await Promise.all(PEOPLE.map(([, username]) => registerUser(base, username)));
  const people = Object.fromEntries(PEOPLE.map(([key], i) => [key, registered[i]]));
  await Promise.all(
    PEOPLE.map(([key, , display_name]) =>
      must(people[key].api, 'PATCH', '/api/v1/accounts/update_credentials', { display_name }),
    ),
  );
  const { host, coHost, guest, maya, leo, sam } = people;
  const chat = await must(host.api, 'POST', '/api/v1/chats', {
    hashtag: tag,
    title: 'Small Biz Chat',
    description: 'A weekly hour for people who run small businesses.',
    time_zone: 'Europe/London',
  });
  await must(host.api, 'POST', `/api/v1/chats/${chat.id}/co_hosts`, { account_id: coHost.id });
  const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
  const session = await must(host.api, 'POST', `/api/v1/chats/${chat.id}/sessions`, {
    title: 'Your first 100 customers',
    starts_at: start.toISOString(),
    duration_minutes: 60,
    guests: [{ account_id: guest.id, badge: 'Growth coach' }],
  });
  const questions: { id: string }[] = [];
  for (const text of AGENDA)
    questions.push(
      await must(host.api, 'POST', `/api/v1/sessions/${session.id}/questions`, {
        text,
        offset_minutes: null,
      }),
    );
  await must(host.api, 'POST', `/api/v1/sessions/${session.id}/start`);

  const post = async (who: Person, text: string, inReplyTo?: string) =>
    (
      await must(who.api, 'POST', '/api/v1/statuses', {
        status: `${text} #${tag}`,
        in_reply_to_id: inReplyTo,
      })
    ).id as string;
  const publish = (i: number) => must(host.api, 'POST', `/api/v1/questions/${questions[i].id}/publish`);

  await post(host, 'Welcome to tonight’s chat! Say hi and tell us what you make 👋');
  await post(maya, 'Hi all! Maya here, I run a tiny bakery in Leeds 🥐');
  await publish(0);
  const a1 = await post(maya, 'A1 A neighbour who smelled the bread through the window. Literally.');
  await post(leo, 'A1 A friend of a friend saw a sketch on my feed and asked for a commission.');
  await post(sam, 'A1 Cold emails, forty of them, one reply. That reply is still my best client.');
  await post(guest, 'A1 For most founders I work with: their own network. Do not skip the awkward asks!');
  await publish(1);
  const a2 = await post(leo, 'A2 Raise my prices sooner. Cheap work brought the wrong clients.');
  await post(maya, 'A2 Keep a simple weekly cash sheet from day one.');
  await post(coHost, 'A2 Say no to custom one-off orders that eat a whole week.');
  for (const who of [host, coHost, leo]) await must(who.api, 'POST', `/api/v1/statuses/${a1}/favourite`);
  for (const who of [guest, maya]) await must(who.api, 'POST', `/api/v1/statuses/${a2}/favourite`);
  return { tag, chatId: chat.id, sessionId: session.id, host, people };
}
