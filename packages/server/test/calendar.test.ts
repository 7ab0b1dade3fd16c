import ical, { type CalendarResponse, type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

const NOW = Date.parse('2027-03-01T12:00:00Z');

let server: TestServer;
let host: Awaited<ReturnType<typeof registerUser>>;
let reader: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW, env: { JOBS_POLL_MS: '50' } });
  await registerUser(server.url);
  host = await registerUser(server.url);
  reader = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

let n = 0;
async function createChat(timeZone: string, schedule: Record<string, unknown> | null) {
  const tag = `cal${++n}${Math.random().toString(36).slice(2, 6)}`;
  const res = await host.api.post('/api/v1/chats', {
    hashtag: tag,
    title: `Chat ${tag}`,
    description: 'About things',
    time_zone: timeZone,
    schedule,
  });
  expect(res.status).toBe(200);
  return res.body as { id: string; hashtag: string };
}

async function fetchIcs(url: string): Promise<{ text: string; cal: CalendarResponse }> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const text = await res.text();
  return { text, cal: ical.sync.parseICS(text) };
}

const events = (cal: CalendarResponse) =>
  Object.values(cal).filter((c): c is VEvent => (c as VEvent | undefined)?.type === 'VEVENT');
// node-ical gives URL as {params, val} when it has parameters (URL;VALUE=URI:…).
const urlOf = (e: VEvent) =>
  typeof e.url === 'string' ? e.url : (e.url as unknown as { val: string } | undefined)?.val;
const localHour = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

describe('a chat calendar', () => {
  it('is one RRULE series in the home zone with EXDATE for a cancelled and RECURRENCE-ID for a moved session', async () => {
    const chat = await createChat('America/New_York', {
      starts_at: '2027-03-02T20:00',
      duration_minutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
    });
    const sessions = (await host.api.get(`/api/v1/chats/${chat.id}/sessions`)).body;
    expect((await host.api.post(`/api/v1/sessions/${sessions[1].id}/cancel`)).status).toBe(200);
    expect(
      (
        await host.api.patch(`/api/v1/sessions/${sessions[2].id}`, {
          starts_at: '2027-03-16T21:00',
          title: 'Later that night',
        })
      ).status,
    ).toBe(200);

    const { text, cal } = await fetchIcs(`${server.url}/api/v1/chats/${chat.id}/calendar.ics`);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
    // The US switch to daylight time: 02:00 on 14 March 2027.
    expect(text).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400/,
    );
    expect(text).toContain('DTSTART;TZID=America/New_York:20270302T200000');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(text).toContain('EXDATE;TZID=America/New_York:20270309T200000');
    expect(text).toContain('RECURRENCE-ID;TZID=America/New_York:20270316T200000');

    const [series] = events(cal);
    expect(events(cal)).toHaveLength(1); // the override is folded into the series
    expect(series.start.tz).toBe('America/New_York');
    expect(series.start.toISOString()).toBe('2027-03-03T01:00:00.000Z');
    expect(series.rrule).toBeDefined();
    expect(urlOf(series)).toBe(`${server.url}/tags/${chat.hashtag}`);
    expect(series.alarms?.[0]).toMatchObject({ action: 'DISPLAY', trigger: '-PT15M' });
    expect(String(series.summary)).toContain(`#${chat.hashtag}`);

    const instances = ical.expandRecurringEvent(series, {
      from: new Date('2027-03-01T00:00:00Z'),
      to: new Date('2027-04-01T00:00:00Z'),
    });
    expect(instances.map((i) => [i.start.toISOString(), localHour(i.start, 'America/New_York')])).toEqual([
      ['2027-03-03T01:00:00.000Z', '20:00'],
      ['2027-03-17T01:00:00.000Z', '21:00'],
      ['2027-03-24T00:00:00.000Z', '20:00'],
      ['2027-03-31T00:00:00.000Z', '20:00'],
    ]);
    expect(String(instances[1].summary)).toContain('Later that night');
  });

  it('lists one-off and event sessions as events of their own', async () => {
    const chat = await createChat('Europe/Berlin', null);
    await host.api.post(`/api/v1/chats/${chat.id}/events`, {
      name: 'Week',
      sessions: [
        { title: 'Day one', starts_at: '2027-03-27T20:00' },
        { title: 'Day two', starts_at: '2027-03-30T20:00' },
      ],
    });
    const { cal } = await fetchIcs(`${server.url}/api/v1/chats/${chat.id}/calendar.ics`);
    const list = events(cal).sort((a, b) => a.start.getTime() - b.start.getTime());
    // Either side of the EU switch (28 March), 20:00 in Berlin.
    expect(list.map((e) => [e.start.toISOString(), e.start.tz, localHour(e.start, 'Europe/Berlin')])).toEqual(
      [
        ['2027-03-27T19:00:00.000Z', 'Europe/Berlin', '20:00'],
        ['2027-03-30T18:00:00.000Z', 'Europe/Berlin', '20:00'],
      ],
    );
  });
});

describe('add one session to a calendar', () => {
  it('is a single event with TZID, VTIMEZONE, VALARM and the room URL', async () => {
    const chat = await createChat('Europe/Berlin', { starts_at: '2027-03-30T20:00', duration_minutes: 90 });
    const session = (await host.api.get(`/api/v1/chats/${chat.id}`)).body.next_session;
    const { text, cal } = await fetchIcs(`${server.url}/api/v1/sessions/${session.id}/calendar.ics`);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\nTZNAME:CEST/,
    );
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20270330T200000');
    expect(text).toContain('DTEND;TZID=Europe/Berlin:20270330T213000');
    const [event] = events(cal);
    expect(event.start.toISOString()).toBe('2027-03-30T18:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2027-03-30T19:30:00.000Z');
    expect(urlOf(event)).toBe(`${server.url}/tags/${chat.hashtag}`);
    expect(event.alarms).toHaveLength(1);
    expect(event.rrule).toBeUndefined();
  });
});

describe('the personal calendar feed', () => {
  it('serves followed chats at a secret URL without auth, and reset rotates it', async () => {
    const followed = await createChat('Asia/Tokyo', {
      starts_at: '2027-03-03T19:00',
      duration_minutes: 30,
      rrule: 'FREQ=DAILY;COUNT=2',
    });
    const notFollowed = await createChat('UTC', { starts_at: '2027-03-04T10:00', duration_minutes: 30 });
    await reader.api.post(`/api/v1/chats/${followed.id}/follow`);
    await reader.api.patch('/api/v1/chats/preferences', { reminder_minutes: 30 });

    expect((await new Api(server.url).get('/api/v1/calendar')).status).toBe(401);
    const { url } = (await reader.api.get('/api/v1/calendar')).body;
    expect((await reader.api.get('/api/v1/calendar')).body.url).toBe(url);
    expect(url).toMatch(new RegExp(`^${server.url}/calendar/[A-Za-z0-9_-]+\\.ics$`));
    const { text, cal } = await fetchIcs(url);
    const list = events(cal);
    expect(list.map((e) => e.start.toISOString()).sort()).toEqual([
      '2027-03-03T10:00:00.000Z',
      '2027-03-04T10:00:00.000Z',
    ]);
    expect(list.every((e) => urlOf(e) === `${server.url}/tags/${followed.hashtag}`)).toBe(true);
    expect(text).not.toContain(notFollowed.hashtag);
    expect(text).toContain('TRIGGER:-PT30M');
    // A zone without DST: one STANDARD part.
    expect(text).toMatch(
      /BEGIN:VTIMEZONE\r\nTZID:Asia\/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:\d{8}T\d{6}\r\nTZOFFSETFROM:\+0900\r\nTZOFFSETTO:\+0900/,
    );
    expect(text).toContain('DTSTART;TZID=Asia/Tokyo:20270303T190000');

    const reset = (await reader.api.post('/api/v1/calendar/reset')).body.url;
    expect(reset).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(reset)).status).toBe(200);
  });
});

describe('user-written text in iCalendar', () => {
  const FORGED = 'x\r\nBEGIN:VEVENT\r\nSUMMARY:phish';

  it.each([
    ['a chat feed', (chat: { id: string }, _s: { id: string }) => `/api/v1/chats/${chat.id}/calendar.ics`],
    [
      'one session',
      (_c: { id: string }, session: { id: string }) => `/api/v1/sessions/${session.id}/calendar.ics`,
    ],
  ])('a title with CR/LF cannot forge lines in %s; it round-trips', async (_n, path) => {
    const tag = `inj${++n}${Math.random().toString(36).slice(2, 6)}`;
    const created = await host.api.post('/api/v1/chats', {
      hashtag: tag,
      title: FORGED,
      description: 'a; b, c\\d\r\nEND:VCALENDAR',
      time_zone: 'UTC',
      schedule: { starts_at: '2027-03-05T10:00', duration_minutes: 30 },
    });
    expect(created.status).toBe(200);
    const chat = created.body;
    const session = (await host.api.get(`/api/v1/chats/${chat.id}`)).body.next_session;
    const { text, cal } = await fetchIcs(server.url + path(chat, session));
    // Only the real event; no content line starts where the title's line breaks were.
    expect(events(cal)).toHaveLength(1);
    expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^SUMMARY:phish/m);
    expect(text).not.toContain('\r\nEND:VCALENDAR\r\n\r\n');
    // The stored title, newline-normalised, comes back from NAME / X-WR-CALNAME and SUMMARY.
    const title = String(chat.title).replace(/\r\n?/g, '\n');
    const calName = /^X-WR-CALNAME:(.*)$/m.exec(text)?.[1];
    expect(calName && unescapeIcs(calName.replace(/\r$/, ''))).toMatch(new RegExp(`^${escapeRe(title)}`));
    const [event] = events(cal);
    expect(String(event.summary)).toBe(`${title} #${chat.hashtag}`);
    expect(String(event.description)).toContain('a; b, c\\d\nEND:VCALENDAR');
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// RFC 5545 §3.3.11, read back (node-ical does not expose the calendar's name).
const unescapeIcs = (v: string) => v.replace(/\\([\\;,nN])/g, (_m, c: string) => (/n/i.test(c) ? '\n' : c));
