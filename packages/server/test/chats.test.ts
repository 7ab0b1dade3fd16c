import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startInProcessServer } from './support/in-process';
import type { TestServer } from './support/test-server';
import { waitFor } from './support/wait';

// A fixed clock: 1 March 2027, 12:00 UTC.
const NOW = Date.parse('2027-03-01T12:00:00Z');

let server: TestServer;
let admin: Awaited<ReturnType<typeof registerUser>>;
let host: Awaited<ReturnType<typeof registerUser>>;
let other: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startInProcessServer({ now: () => NOW, env: { JOBS_POLL_MS: '50' } });
  admin = await registerUser(server.url); // the first account runs the instance
  host = await registerUser(server.url);
  other = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

let tagCounter = 0;
const freshTag = () => `chattest${++tagCounter}x${Math.random().toString(36).slice(2, 6)}`;

const weekly = (tag: string, extra: Record<string, unknown> = {}) => ({
  hashtag: `#${tag}`,
  title: 'Tuesday talk',
  description: 'We talk on Tuesdays',
  category: 'food-restaurants',
  language: 'en',
  time_zone: 'America/New_York',
  rules: 'Be kind',
  schedule: { starts_at: '2027-03-02T20:00', duration_minutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
  ...extra,
});

const countChats = async () =>
  (await new Api(server.url).get('/api/v1/chats?limit=40')).body.length as number;

describe('creating a chat', () => {
  it('returns the Chat entity with its claim, category, hosts and next session', async () => {
    const tag = freshTag();
    const res = await host.api.post('/api/v1/chats', weekly(tag));
    expect(res.status).toBe(200);
    const chat = res.body;
    expect(chat).toMatchObject({
      hashtag: tag,
      claimed: true,
      title: 'Tuesday talk',
      language: 'en',
      time_zone: 'America/New_York',
      rules: 'Be kind',
      category: { slug: 'food-restaurants', name: 'Food & restaurants' },
      following: false,
      followers_count: 0,
      schedule: { starts_at: '2027-03-02T20:00', duration_minutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
    });
    expect(chat.hosts.map((a: { id: string }) => a.id)).toEqual([host.id]);
    expect(chat.url).toBe(`${server.url}/chats/${chat.id}`);
    expect(chat.room_url).toBe(`${server.url}/tags/${tag}`);
    // 20:00 EST on Tuesday 2 March is 01:00 UTC on Wednesday.
    expect(chat.next_session).toMatchObject({
      starts_at: '2027-03-03T01:00:00.000Z',
      ends_at: '2027-03-03T02:00:00.000Z',
      state: 'scheduled',
      time_zone: 'America/New_York',
      local_starts_at: '2027-03-02T20:00',
    });
  });

  it('accepts a form body with bracketed schedule keys', async () => {
    const tag = freshTag();
    const form = new URLSearchParams({
      hashtag: tag,
      title: 'Form chat',
      time_zone: 'Europe/Berlin',
      'schedule[starts_at]': '2027-03-10T19:00',
      'schedule[duration_minutes]': '45',
    });
    const res = await host.api.post('/api/v1/chats', form);
    expect(res.status).toBe(200);
    expect(res.body.schedule).toEqual({ starts_at: '2027-03-10T19:00', duration_minutes: 45, rrule: null });
    expect(res.body.next_session).toMatchObject({
      starts_at: '2027-03-10T18:00:00.000Z',
      ends_at: '2027-03-10T18:45:00.000Z',
    });
  });

  it('accepts multipart with bracketed keys', async () => {
    const form = new FormData();
    form.set('hashtag', freshTag());
    form.set('title', 'Multipart chat');
    form.set('time_zone', 'UTC');
    form.set('schedule[starts_at]', '2027-03-05T10:00');
    form.set('schedule[rrule]', 'FREQ=DAILY;COUNT=3');
    const res = await host.api.post('/api/v1/chats', form);
    expect(res.status).toBe(200);
    const sessions = await host.api.get(`/api/v1/chats/${res.body.id}/sessions`);
    expect(sessions.body.map((s: { starts_at: string }) => s.starts_at)).toEqual([
      '2027-03-05T10:00:00.000Z',
      '2027-03-06T10:00:00.000Z',
      '2027-03-07T10:00:00.000Z',
    ]);
  });
});

describe('validation writes nothing', () => {
  const cases: [string, (tag: string) => Record<string, unknown>, RegExp][] = [
    ['an unknown time zone', (t) => weekly(t, { time_zone: 'Mars/Olympus' }), /time zone/i],
    ['an offset instead of a zone', (t) => weekly(t, { time_zone: '+05:00' }), /time zone/i],
    [
      'a bad rrule',
      (t) => weekly(t, { schedule: { starts_at: '2027-03-02T20:00', rrule: 'FREQ=HOURLY' } }),
      /recurrence rule/i,
    ],
    [
      'a rule that sets the hour',
      (t) => weekly(t, { schedule: { starts_at: '2027-03-02T20:00', rrule: 'FREQ=WEEKLY;BYHOUR=9' } }),
      /BYHOUR/,
    ],
    [
      'a start with an offset',
      (t) => weekly(t, { schedule: { starts_at: '2027-03-02T20:00+01:00' } }),
      /local date-time/i,
    ],
    [
      'an impossible date',
      (t) => weekly(t, { schedule: { starts_at: '2027-02-30T20:00' } }),
      /no such date/i,
    ],
    [
      'a one-off in the past',
      (t) => weekly(t, { schedule: { starts_at: '2027-02-01T20:00' } }),
      /no session after now/i,
    ],
    ['an invalid hashtag', () => weekly('', { hashtag: '#2027' }), /not a valid hashtag/i],
    ['an unknown category', (t) => weekly(t, { category: 'nope' }), /unknown category/i],
    ['a missing title', (t) => weekly(t, { title: '' }), /title/i],
  ];
  it.each(cases)('rejects %s with 422', async (_name, body, message) => {
    const before = await countChats();
    const res = await host.api.post('/api/v1/chats', body(freshTag()));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(message);
    expect(await countChats()).toBe(before);
  });

  it('rejects a hashtag another chat claimed (any spelling), naming the chat', async () => {
    const tag = freshTag();
    const first = await host.api.post('/api/v1/chats', weekly(tag));
    expect(first.status).toBe(200);
    const before = await countChats();
    const res = await other.api.post('/api/v1/chats', weekly(tag.toUpperCase()));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe(
      `Hashtag #${tag.toUpperCase()} is already claimed by the chat "Tuesday talk": choose another hashtag`,
    );
    expect(await countChats()).toBe(before);
  });

  it('needs a token (401)', async () => {
    const res = await new Api(server.url).post('/api/v1/chats', weekly(freshTag()));
    expect(res.status).toBe(401);
  });
});

describe('who may change a chat', () => {
  it('lets only hosts and co-hosts edit (403 otherwise, nothing changed)', async () => {
    const chat = (await host.api.post('/api/v1/chats', weekly(freshTag()))).body;
    const denied = await other.api.patch(`/api/v1/chats/${chat.id}`, { title: 'Hijacked' });
    expect(denied.status).toBe(403);
    expect((await other.api.get(`/api/v1/chats/${chat.id}`)).body.title).toBe('Tuesday talk');
    expect(
      (await other.api.post(`/api/v1/chats/${chat.id}/sessions`, { starts_at: '2027-04-01T20:00' })).status,
    ).toBe(403);
    expect((await other.api.delete(`/api/v1/chats/${chat.id}`)).status).toBe(403);

    const added = await host.api.post(`/api/v1/chats/${chat.id}/co_hosts`, { account_id: other.id });
    expect(added.status).toBe(200);
    expect(added.body.co_hosts.map((a: { id: string }) => a.id)).toEqual([other.id]);
    expect(added.body.hosts.map((a: { id: string }) => a.id)).toEqual([host.id, other.id]);
    const edited = await other.api.patch(`/api/v1/chats/${chat.id}`, {
      title: 'Co-hosted',
      rules: 'New rules',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Co-hosted', rules: 'New rules' });

    const removed = await host.api.delete(`/api/v1/chats/${chat.id}/co_hosts/${other.id}`);
    expect(removed.body.co_hosts).toEqual([]);
    expect((await other.api.patch(`/api/v1/chats/${chat.id}`, { title: 'Again' })).status).toBe(403);
  });

  it('refuses to change the hashtag', async () => {
    const chat = (await host.api.post('/api/v1/chats', weekly(freshTag()))).body;
    const res = await host.api.patch(`/api/v1/chats/${chat.id}`, { hashtag: 'other' });
    expect(res.status).toBe(422);
  });

  it('lets an admin release a claim so another chat can take the hashtag', async () => {
    const tag = freshTag();
    const chat = (await host.api.post('/api/v1/chats', weekly(tag))).body;
    expect((await host.api.delete(`/api/v1/chats/${chat.id}/claim`)).status).toBe(403);
    const released = await admin.api.delete(`/api/v1/chats/${chat.id}/claim`);
    expect(released.status).toBe(200);
    expect(released.body.claimed).toBe(false);
    const second = await other.api.post('/api/v1/chats', weekly(tag));
    expect(second.status).toBe(200);
    expect((await new Api(server.url).get(`/api/v1/chats/by_tag/${tag}`)).body.id).toBe(second.body.id);
  });

  it('frees the hashtag when the chat is deleted', async () => {
    const tag = freshTag();
    const chat = (await host.api.post('/api/v1/chats', weekly(tag))).body;
    expect((await host.api.delete(`/api/v1/chats/${chat.id}`)).status).toBe(200);
    expect((await host.api.get(`/api/v1/chats/${chat.id}`)).status).toBe(404);
    expect((await other.api.post('/api/v1/chats', weekly(tag))).status).toBe(200);
  });
});

describe('categories', () => {
  it('lists the seed and lets only an admin add and rename', async () => {
    const list = await new Api(server.url).get('/api/v1/chats/categories');
    expect(list.body.map((c: { slug: string }) => c.slug)).toEqual(
      expect.arrayContaining([
        'food-restaurants',
        'finance',
        'retail',
        'education',
        'health',
        'technology',
        'events',
      ]),
    );
    expect((await host.api.post('/api/v1/chats/categories', { name: 'Gardening' })).status).toBe(403);
    const added = await admin.api.post('/api/v1/chats/categories', { name: 'Gardening & Plants' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ slug: 'gardening-plants', name: 'Gardening & Plants' });
    const renamed = await admin.api.patch(`/api/v1/chats/categories/${added.body.id}`, { name: 'Gardens' });
    expect(renamed.body).toMatchObject({ slug: 'gardening-plants', name: 'Gardens' });
    expect((await admin.api.post('/api/v1/chats/categories', { name: 'Gardening plants' })).status).toBe(422);
  });
});

describe('following and the directory', () => {
  it('follows and unfollows, counting followers', async () => {
    const chat = (await host.api.post('/api/v1/chats', weekly(freshTag()))).body;
    const followed = await other.api.post(`/api/v1/chats/${chat.id}/follow`);
    expect(followed.body).toMatchObject({ following: true, followers_count: 1 });
    expect((await other.api.post(`/api/v1/chats/${chat.id}/follow`)).body.followers_count).toBe(1);
    const mine = await other.api.get('/api/v1/chats?following=true');
    expect(mine.body.map((c: { id: string }) => c.id)).toContain(chat.id);
    const unfollowed = await other.api.post(`/api/v1/chats/${chat.id}/unfollow`);
    expect(unfollowed.body).toMatchObject({ following: false, followers_count: 0 });
  });

  it('filters by category, language and text, with keyset pagination', async () => {
    const word = `zebra${Math.random().toString(36).slice(2, 7)}`;
    const ids: string[] = [];
    for (const [category, language] of [
      ['finance', 'de'],
      ['finance', 'en'],
      ['health', 'en'],
    ]) {
      ids.push(
        (
          await host.api.post(
            '/api/v1/chats',
            weekly(freshTag(), { category, language, description: `about ${word}` }),
          )
        ).body.id,
      );
    }
    const anon = new Api(server.url);
    expect((await anon.get(`/api/v1/chats?q=${word}`)).body.map((c: { id: string }) => c.id)).toEqual(
      [...ids].reverse(),
    );
    expect(
      (await anon.get(`/api/v1/chats?q=${word}&category=finance`)).body.map((c: { id: string }) => c.id),
    ).toEqual([ids[1], ids[0]]);
    expect(
      (await anon.get(`/api/v1/chats?q=${word}&language=de`)).body.map((c: { id: string }) => c.id),
    ).toEqual([ids[0]]);
    const page1 = await anon.get(`/api/v1/chats?q=${word}&limit=2`);
    expect(page1.body.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const next = /<([^>]+)>; rel="next"/.exec(page1.headers.get('link') ?? '')![1];
    const page2 = await anon.get(next.slice(next.indexOf('/api/')));
    expect(page2.body.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
  });

  it('gives directory sections: live now, starting soon, upcoming by day', async () => {
    const word = `dir${Math.random().toString(36).slice(2, 7)}`;
    const chat = (
      await host.api.post('/api/v1/chats', weekly(freshTag(), { schedule: null, title: `Directory ${word}` }))
    ).body;
    const soon = await host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
      title: 'Soon',
      starts_at: '2027-03-01T12:30:00Z',
      duration_minutes: 30,
    });
    const later = await host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
      title: 'Later',
      starts_at: '2027-03-03T09:00:00Z',
    });
    const live = await host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
      title: 'Now',
      starts_at: '2027-03-01T11:30:00Z',
      ends_at: '2027-03-01T13:00:00Z',
    });
    expect([soon.status, later.status, live.status]).toEqual([200, 200, 200]);
    // The scheduler makes the in-progress one live.
    await waitFor(async () => (await host.api.get(`/api/v1/sessions/${live.body.id}`)).body.state === 'live');
    const dir = await new Api(server.url).get(`/api/v1/chats/directory?q=${word}&time_zone=Asia/Tokyo`);
    expect(dir.status).toBe(200);
    expect(dir.body.live.map((e: { session: { id: string } }) => e.session.id)).toEqual([live.body.id]);
    expect(dir.body.starting_soon.map((e: { session: { id: string } }) => e.session.id)).toEqual([
      soon.body.id,
    ]);
    // 09:00 UTC on 3 March is 18:00 that day in Tokyo.
    expect(dir.body.upcoming).toEqual([
      {
        date: '2027-03-03',
        sessions: [expect.objectContaining({ session: expect.objectContaining({ id: later.body.id }) })],
      },
    ]);
    expect(dir.body.live[0].chat.id).toBe(chat.id);
    const liveList = await new Api(server.url).get(`/api/v1/chats?state=live&q=${word}`);
    expect(liveList.body.map((c: { id: string }) => c.id)).toEqual([chat.id]);
  });

  it('lists under "later" the next session of each chat with none this week, however far off', async () => {
    const word = `far${Math.random().toString(36).slice(2, 7)}`;
    const make = async (title: string, starts: string[]) => {
      const chat = (
        await host.api.post(
          '/api/v1/chats',
          weekly(freshTag(), { schedule: null, title: `${title} ${word}` }),
        )
      ).body;
      const ids: string[] = [];
      for (const starts_at of starts) {
        const res = await host.api.post(`/api/v1/chats/${chat.id}/sessions`, { title, starts_at });
        expect(res.status).toBe(200);
        ids.push(res.body.id);
      }
      return { chat: chat.id as string, ids };
    };
    // This week and later: listed this week only. Months away, twice: its first only.
    const week = await make('Week', ['2027-03-04T18:00:00Z', '2027-05-01T18:00:00Z']);
    const spring = await make('Spring', ['2027-07-01T18:00:00Z', '2027-06-01T18:00:00Z']);
    const month = await make('Month', ['2027-03-20T18:00:00Z']);
    const dir = (await new Api(server.url).get(`/api/v1/chats/directory?q=${word}`)).body;
    const sessionIds = (list: { session: { id: string } }[]) => list.map((e) => e.session.id);
    expect(dir.upcoming.flatMap((d: { sessions: [] }) => sessionIds(d.sessions))).toEqual([week.ids[0]]);
    expect(sessionIds(dir.later)).toEqual([month.ids[0], spring.ids[1]]);
    expect(dir.later[1].chat.id).toBe(spring.chat);
    // Looking four weeks ahead, the one on 20 March moves into its day.
    const wide = (await new Api(server.url).get(`/api/v1/chats/directory?q=${word}&days=31`)).body;
    expect(sessionIds(wide.later)).toEqual([spring.ids[1]]);
  });
});
