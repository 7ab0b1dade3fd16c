import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializeSessions } from '../src/services/chats/materialize';
import { findChatById } from '../src/store/chats';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

// 1 March 2027: both March DST switches (US 14 March, EU 28 March) lie ahead.
const NOW = Date.parse('2027-03-01T12:00:00Z');

let server: TestServer;
let host: Awaited<ReturnType<typeof registerUser>>;
let guest: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW, env: { JOBS_POLL_MS: '50' } });
  await registerUser(server.url); // admin
  host = await registerUser(server.url);
  guest = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

let n = 0;
const createWeekly = async (timeZone: string, extra: Record<string, unknown> = {}) => {
  const res = await host.api.post('/api/v1/chats', {
    hashtag: `sched${++n}${Math.random().toString(36).slice(2, 6)}`,
    title: 'Weekly',
    time_zone: timeZone,
    schedule: { starts_at: '2027-03-02T20:00', duration_minutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body;
};
const sessionsOf = async (chatId: string, query = 'limit=100') =>
  (await host.api.get(`/api/v1/chats/${chatId}/sessions?${query}`)).body as Session[];

interface Session {
  id: string;
  starts_at: string;
  ends_at: string;
  local_starts_at: string;
  state: string;
  moved: boolean;
  title: string;
  guests: { id: string; badge: string }[];
  event: { name: string } | null;
  extra_tag: string | null;
}

describe('recurring sessions across the March DST switches', () => {
  it.each([
    [
      'America/New_York (2nd Sunday of March)',
      'America/New_York',
      [
        '2027-03-03T01:00:00.000Z',
        '2027-03-10T01:00:00.000Z',
        '2027-03-17T00:00:00.000Z',
        '2027-03-24T00:00:00.000Z',
        '2027-03-31T00:00:00.000Z',
      ],
    ],
    [
      'Europe/Berlin (last Sunday of March)',
      'Europe/Berlin',
      [
        '2027-03-02T19:00:00.000Z',
        '2027-03-09T19:00:00.000Z',
        '2027-03-16T19:00:00.000Z',
        '2027-03-23T19:00:00.000Z',
        '2027-03-30T18:00:00.000Z',
      ],
    ],
  ])('keeps Tuesday 20:00 local in %s', async (_name, zone, utc) => {
    const chat = await createWeekly(zone);
    const sessions = await sessionsOf(chat.id);
    expect(sessions.slice(0, 5).map((s) => s.starts_at)).toEqual(utc);
    expect(new Set(sessions.map((s) => s.local_starts_at.slice(11)))).toEqual(new Set(['20:00']));
    // Materialised 90 days ahead: every Tuesday from 2 March to 25 May.
    expect(sessions).toHaveLength(13);
    expect(sessions[12].local_starts_at).toBe('2027-05-25T20:00');
  });

  it('pages through sessions by start time with a cursor', async () => {
    const chat = await createWeekly('Europe/Berlin');
    const first = await host.api.get(`/api/v1/chats/${chat.id}/sessions?limit=4`);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1];
    const second = await host.api.get(next.slice(next.indexOf('/api/')));
    const all = await sessionsOf(chat.id);
    expect([...first.body, ...second.body].map((s: Session) => s.id)).toEqual(
      all.slice(0, 8).map((s) => s.id),
    );
  });
});

describe('changing one occurrence', () => {
  it('moves one session without touching the others, and materialising again keeps it', async () => {
    const chat = await createWeekly('America/New_York');
    const before = await sessionsOf(chat.id);
    const target = before[2];
    const moved = await host.api.patch(`/api/v1/sessions/${target.id}`, {
      starts_at: '2027-03-17T21:30',
      title: 'Moved one',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: target.id,
      starts_at: '2027-03-18T01:30:00.000Z',
      ends_at: '2027-03-18T02:30:00.000Z',
      moved: true,
      title: 'Moved one',
    });
    const after = await sessionsOf(chat.id);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    for (const [i, s] of after.entries()) if (i !== 2) expect(s).toEqual(before[i]);

    const row = (await findChatById(server.ctx.store.db, Number(chat.id)))!;
    expect(await materializeSessions(server.ctx.store.db, row, NOW)).toEqual([]);
    expect((await sessionsOf(chat.id)).map((s) => s.starts_at)).toEqual(after.map((s) => s.starts_at));
  });

  it('cancels one session; it leaves the upcoming list and is never made again', async () => {
    const chat = await createWeekly('Europe/Berlin');
    const before = await sessionsOf(chat.id);
    const cancelled = await host.api.post(`/api/v1/sessions/${before[1].id}/cancel`);
    expect(cancelled.body.state).toBe('cancelled');
    const upcoming = await sessionsOf(chat.id);
    expect(upcoming.map((s) => s.id)).toEqual(before.filter((_, i) => i !== 1).map((s) => s.id));
    expect((await sessionsOf(chat.id, 'state=cancelled')).map((s) => s.id)).toEqual([before[1].id]);
    const row = (await findChatById(server.ctx.store.db, Number(chat.id)))!;
    expect(await materializeSessions(server.ctx.store.db, row, NOW)).toEqual([]);
    expect((await host.api.post(`/api/v1/sessions/${before[1].id}/cancel`)).status).toBe(409);
  });

  it('refuses a move that ends before it starts, writing nothing', async () => {
    const chat = await createWeekly('UTC');
    const [s] = await sessionsOf(chat.id);
    const res = await host.api.patch(`/api/v1/sessions/${s.id}`, {
      starts_at: '2027-03-10T20:00',
      ends_at: '2027-03-10T19:00',
    });
    expect(res.status).toBe(422);
    expect((await host.api.get(`/api/v1/sessions/${s.id}`)).body).toEqual(s);
  });

  it('replaces the rule sessions when the schedule changes', async () => {
    const chat = await createWeekly('Europe/Berlin');
    const res = await host.api.patch(`/api/v1/chats/${chat.id}`, {
      schedule: { starts_at: '2027-03-04T18:00', rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=2' },
    });
    expect(res.status).toBe(200);
    expect((await sessionsOf(chat.id)).map((s) => s.local_starts_at)).toEqual([
      '2027-03-04T18:00',
      '2027-03-11T18:00',
    ]);
  });
});

describe('one-off sessions and events', () => {
  it('creates an event: several sessions, each with its own title, guests (with badges) and extra tag', async () => {
    const chat = await createWeekly('Europe/Berlin', { schedule: null });
    const res = await host.api.post(`/api/v1/chats/${chat.id}/events`, {
      name: 'Money Week',
      description: 'Five days of experts',
      sessions: [
        {
          title: 'Budgets',
          starts_at: '2027-03-08T12:00',
          duration_minutes: 45,
          guests: [{ account_id: guest.id, badge: 'CFO' }],
          extra_tag: '#budget',
        },
        { title: 'Taxes', starts_at: '2027-03-09T12:00', ends_at: '2027-03-09T13:30', guests: [guest.id] },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Money Week', chat_id: chat.id });
    const [budgets, taxes] = res.body.sessions as Session[];
    expect(budgets).toMatchObject({
      title: 'Budgets',
      starts_at: '2027-03-08T11:00:00.000Z',
      ends_at: '2027-03-08T11:45:00.000Z',
      extra_tag: 'budget',
      event: { name: 'Money Week' },
    });
    expect(budgets.guests).toEqual([expect.objectContaining({ id: guest.id, badge: 'CFO' })]);
    expect(taxes).toMatchObject({ title: 'Taxes', ends_at: '2027-03-09T12:30:00.000Z' });
    expect(taxes.guests[0].badge).toBe('Guest expert');
    expect((await sessionsOf(chat.id)).map((s) => s.title)).toEqual(['Budgets', 'Taxes']);
  });

  it('rejects an event with an unknown guest, writing nothing', async () => {
    const chat = await createWeekly('UTC', { schedule: null });
    const res = await host.api.post(`/api/v1/chats/${chat.id}/events`, {
      name: 'Bad',
      sessions: [{ starts_at: '2027-03-08T12:00' }, { starts_at: '2027-03-09T12:00', guests: [999999] }],
    });
    expect(res.status).toBe(422);
    expect(await sessionsOf(chat.id)).toEqual([]);
  });

  it('lets a host start early and end; each state change goes out on the chat stream', async () => {
    const chat = await createWeekly('UTC', { schedule: null });
    const s = (
      await host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
        title: 'Early bird',
        starts_at: '2027-03-05T10:00',
      })
    ).body;
    const stream = new SseClient(`${server.url}/api/v1/streaming/chat?chat_id=${chat.id}`);
    await stream.opened;
    expect(stream.status).toBe(200);
    await stream.live;
    expect((await guest.api.post(`/api/v1/sessions/${s.id}/start`)).status).toBe(403);
    const live = await host.api.post(`/api/v1/sessions/${s.id}/start`);
    expect(live.body).toMatchObject({ state: 'live', started_at: new Date(NOW).toISOString() });
    expect((await host.api.post(`/api/v1/sessions/${s.id}/start`)).status).toBe(409);
    const ended = await host.api.post(`/api/v1/sessions/${s.id}/end`);
    expect(ended.body.state).toBe('ended');
    const events = await stream.waitFor((e) => e.filter((x) => x.event === 'chat.session').length >= 2);
    expect(events.filter((x) => x.event === 'chat.session').map((x) => JSON.parse(x.data).state)).toEqual([
      'live',
      'ended',
    ]);
    stream.close();
    const page = (await new Api(server.url).get(`/api/v1/chats/${chat.id}`)).body;
    expect(page.past_sessions.map((x: Session) => x.id)).toEqual([s.id]);
    expect(page.upcoming_sessions).toEqual([]);
  });
});

describe('a series that starts beyond the 90-day horizon', () => {
  it('still has its first session on the chat page and in the sessions list', async () => {
    const res = await host.api.post('/api/v1/chats', {
      hashtag: `farseries${Math.random().toString(36).slice(2, 6)}`,
      title: 'Far away',
      time_zone: 'Europe/Berlin',
      // 120 days after NOW, then monthly.
      schedule: { starts_at: '2027-06-29T20:00', duration_minutes: 60, rrule: 'FREQ=MONTHLY' },
    });
    expect(res.status).toBe(200);
    const sessions = await sessionsOf(res.body.id);
    expect(sessions.map((s) => s.starts_at)).toEqual(['2027-06-29T18:00:00.000Z']);
    const page = (await host.api.get(`/api/v1/chats/${res.body.id}`)).body;
    expect(page.next_session?.starts_at).toBe('2027-06-29T18:00:00.000Z');
  });
});
