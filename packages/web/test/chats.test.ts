import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import {
  apiFrom,
  assertWebBuilt,
  launchChromium,
  postInRoom,
  signUpThroughUi,
  statusArticle,
} from './support/browser';

const POLL = { timeout: 15_000, interval: 100 };
const HOST_ZONE = 'Europe/Berlin';
const PARTICIPANT_ZONE = 'Asia/Tokyo';
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The wall-clock parts of an instant in a zone, as the chat form takes them. */
function localParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    weekday,
  };
}

/** What the participant should read: the start in their own zone, e.g. "Wed 20 Oct, 03:00 GMT+9". */
function expectedLocal(start: Date, timeZone: string): string {
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  const text = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: year(start) === year(new Date()) ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(start);
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(start)
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${text} ${zone}`;
}

interface ChatJson {
  id: string;
  title: string;
  schedule: { starts_at: string; rrule: string | null };
  next_session: { id: string; starts_at: string; state: string };
}

describe('chats in a browser', () => {
  // The server's clock runs with the real one; a test may push it ahead to make a due job run now.
  let skewMs = 0;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let participant: Page;
  let chat: ChatJson;
  // The first session starts 10 minutes from now (whole minutes): within the default 15-minute reminder lead.
  const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
  const hostLocal = localParts(start, HOST_ZONE);

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { JOBS_POLL_MS: '100' }, now: () => Date.now() + skewMs }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function newContext(timezoneId: string): Promise<BrowserContext> {
    const context = await browser.newContext({
      timezoneId,
      locale: 'en-GB',
      viewport: { width: 1000, height: 900 },
    });
    contexts.push(context);
    return context;
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  it('a host creates a weekly chat through the form and lands on its page', async () => {
    host = await signUpThroughUi(await newContext(HOST_ZONE), server.url, 'host_c', '/chats/new');
    await host.getByRole('heading', { name: 'Host a chat' }).waitFor();
    // The zone defaults to the browser's.
    expect(await host.getByLabel('Time zone').inputValue()).toBe(HOST_ZONE);

    await host.getByLabel('Hashtag').fill('#TeaTalk');
    await host.getByLabel('Title').fill('Tea Talk');
    await host.getByLabel('Description').fill('Everything about tea, every week.');
    await host.getByLabel('Category').selectOption({ label: 'Education' });
    await host.getByLabel('First session').fill(hostLocal.date);
    await host.getByLabel('Starts at').fill(hostLocal.time);
    await host.getByLabel('Duration').selectOption('60');
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: HOST_ZONE }).format(start);
    await host.getByLabel('Repeat').selectOption({ label: `Weekly on ${weekday}` });
    await host.getByRole('button', { name: 'Create chat' }).click();

    await host.waitForURL((url) => /^\/chats\/\d+$/.test(url.pathname));
    await host.getByRole('heading', { level: 1, name: 'Tea Talk' }).waitFor();
    const id = new URL(host.url()).pathname.split('/').pop();
    chat = await getJson<ChatJson>(`/api/v1/chats/${id}`);
    expect(chat.schedule).toMatchObject({
      starts_at: `${hostLocal.date}T${hostLocal.time}`,
      rrule: `FREQ=WEEKLY;BYDAY=${WEEKDAYS[hostLocal.weekday]}`,
    });
    expect(chat.next_session.starts_at).toBe(start.toISOString());
    // The host sees the sessions to come, with the controls to run them.
    const upcoming = host.getByRole('list', { name: 'Upcoming sessions' });
    expect(await upcoming.getByRole('listitem').count()).toBeGreaterThan(1);
    await upcoming.getByRole('button', { name: 'Start now' }).first().waitFor();
    // Anyone on the fediverse can follow it by the handle the page offers to copy.
    const handle = host.getByLabel("The chat's handle");
    expect(await handle.inputValue()).toBe(`@chat.teatalk@${new URL(server.url).host}`);
    await host
      .getByRole('region', { name: 'Follow from the fediverse' })
      .getByRole('button', { name: 'Copy' })
      .waitFor();
    // One Start now, for the next session only; the console is the prominent way in; and a
    // confirmation says what happens next.
    expect(await upcoming.getByRole('button', { name: 'Start now' }).count()).toBe(1);
    const note = host.getByRole('region', { name: 'Your chat is created' });
    expect(await note.textContent()).toContain('people who follow it get a reminder');
    const consoleLink = note.getByRole('link', { name: 'Open host console' });
    expect(await consoleLink.getAttribute('href')).toBe(`/sessions/${chat.next_session.id}/console`);
    expect(await consoleLink.getAttribute('class')).toContain('button-primary');
  });

  it('says every missing field at once, then refuses a hashtag already claimed, beside the field', async () => {
    await host.goto(`${server.url}/chats/new`);
    await host.getByLabel('First session').fill('');
    await host.getByRole('button', { name: 'Create chat' }).click();
    const errorOf = async (label: string) => {
      const field = host.getByLabel(label, { exact: true });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      return host.locator(`#${await field.getAttribute('id')}-error`).textContent();
    };
    await expect.poll(() => host.getByLabel('Hashtag').getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await errorOf('Hashtag')).toBe('Choose the hashtag of your chat.');
    expect(await errorOf('Title')).toBe('Give your chat a title.');
    expect(await errorOf('First session')).toBe('Choose the day of the first session.');

    await host.getByLabel('Hashtag').fill('teatalk');
    await host.getByLabel('Title').fill('Another tea chat');
    await host.getByLabel('First session').fill(hostLocal.date);
    await host.getByLabel('Starts at').fill(hostLocal.time);
    await host.getByRole('button', { name: 'Create chat' }).click();

    const field = host.getByLabel('Hashtag');
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    const error = await host.locator(`#${await field.getAttribute('id')}-error`).textContent();
    expect(error).toBe('Hashtag #teatalk is already claimed by the chat "Tea Talk": choose another hashtag');
    expect(new URL(host.url()).pathname).toBe('/chats/new');
  });

  it('a participant in another time zone finds it in the directory at their local time and follows it', async () => {
    participant = await signUpThroughUi(await newContext(PARTICIPANT_ZONE), server.url, 'guest_c', '/chats');
    const soon = participant.getByRole('region', { name: 'Starting soon' });
    const entry = soon.getByRole('article', { name: 'Tea Talk' });
    await entry.waitFor();
    const time = entry.locator('time');
    expect(await time.getAttribute('datetime')).toBe(start.toISOString());
    const tokyo = expectedLocal(start, PARTICIPANT_ZONE);
    expect(await time.textContent()).toBe(tokyo);
    expect(tokyo).not.toBe(expectedLocal(start, HOST_ZONE));
    expect(await entry.textContent()).toContain('#TeaTalk');
    expect(await entry.textContent()).toContain('Hosted by host_c');

    // The search box finds it by a word of its description; a miss says so.
    await participant.getByLabel('Search chats').fill('every week');
    await participant.getByRole('button', { name: 'Search', exact: true }).click();
    await participant.waitForURL((url) => url.search === '?q=every+week');
    await soon.getByRole('article', { name: 'Tea Talk' }).waitFor();
    await participant.getByLabel('Search chats').fill('coffee');
    await participant.getByRole('button', { name: 'Search', exact: true }).click();
    await participant.getByText('No chats match these filters').waitFor();

    await participant.goto(`${server.url}/chats/${chat.id}`);
    await participant.getByRole('heading', { level: 1, name: 'Tea Talk' }).waitFor();
    // On the chat page the host's own zone is named too.
    const next = participant.getByRole('region', { name: 'Next session' });
    expect(await next.textContent()).toContain(`in ${HOST_ZONE.replace('_', ' ')}`);
    expect(await next.textContent()).toContain('(your time, GMT+9)');

    await participant.getByRole('button', { name: 'Follow chat' }).click();
    await participant.getByRole('button', { name: 'Unfollow chat' }).waitFor();
    // The button turns as soon as it is pressed; the count follows when the request lands.
    await expect
      .poll(
        async () =>
          (await fetch(`${server.url}/api/v1/chats/${chat.id}`).then((r) => r.json())).followers_count,
        { timeout: 10_000 },
      )
      .toBe(1);
  });

  it('the directory lists a chat whose next session is months away under Later', async () => {
    const far = new Date(Math.ceil((Date.now() + 120 * 86_400_000) / 60_000) * 60_000);
    const farChat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag: 'HarvestFair',
      title: 'Harvest Fair',
      time_zone: HOST_ZONE,
    });
    await apiFrom(host, 'POST', `/api/v1/chats/${farChat.id}/sessions`, {
      starts_at: far.toISOString(),
      duration_minutes: 60,
    });
    await participant.goto(`${server.url}/chats`);
    const later = participant.getByRole('region', { name: 'Later' });
    const entry = later.getByRole('article', { name: 'Harvest Fair' });
    await entry.waitFor();
    expect(await entry.locator('time').getAttribute('datetime')).toBe(far.toISOString());
    expect(await entry.locator('time').textContent()).toBe(expectedLocal(far, PARTICIPANT_ZONE));
    // Later comes after this week's sections, and Tea Talk (this week) is not repeated there.
    const headings = await participant.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.at(-1)).toBe('Later');
    expect(await later.getByRole('article', { name: 'Tea Talk' }).count()).toBe(0);
  });

  it('reminds the follower live when the reminder job runs, before the session starts', async () => {
    const nav = participant.getByRole('navigation', { name: 'Main' });
    // Give the freshly loaded page's user stream a moment to connect: a live event sent before
    // it is open would only show after a reload.
    await participant.waitForTimeout(300);
    // The reminder sweep looks again within a minute; move the server's clock there.
    skewMs = 61_000;

    await nav.getByRole('link', { name: 'Notifications (1 unread)' }).waitFor({ timeout: 15_000 });
    await nav.getByRole('link', { name: /^Notifications/ }).click();
    const list = participant.getByRole('list', { name: 'Notifications' });
    const reminder = list.getByRole('article').filter({ hasText: '#TeaTalk' });
    await reminder.waitFor();
    expect(await reminder.first().textContent()).toMatch(/#TeaTalk starts in \d+ minutes: Tea Talk/);
    expect(await reminder.first().getByRole('link', { name: '#TeaTalk' }).getAttribute('href')).toBe(
      '/tags/TeaTalk',
    );
  });

  it('the room counts down, turns live when a host starts the session, and badges the host', async () => {
    // An anonymous reader: the room is public.
    const room = await (await newContext(PARTICIPANT_ZONE)).newPage();
    await room.goto(`${server.url}/tags/TeaTalk`);
    const strip = room.getByRole('region', { name: "This room's chat" });
    await strip.getByText(/Starts in \d+:\d\d/).waitFor();
    expect(await strip.getByRole('link', { name: 'Tea Talk' }).getAttribute('href')).toBe(
      `/chats/${chat.id}`,
    );
    expect(await strip.textContent()).toContain('Host');

    await host.goto(`${server.url}/chats/${chat.id}`);
    await host
      .getByRole('list', { name: 'Upcoming sessions' })
      .getByRole('button', { name: 'Start now' })
      .first()
      .click();

    // The room turns live from the chat's stream, without a reload.
    await strip.getByText('Live', { exact: true }).waitFor({ timeout: 10_000 });
    // The follower gets the "live" reminder on the notifications page they have open.
    const list = participant.getByRole('list', { name: 'Notifications' });
    await list.getByText('is live now: Tea Talk').waitFor({ timeout: 10_000 });

    // The host's status in the room wears the Host badge.
    await host.goto(`${server.url}/tags/TeaTalk`);
    await host.locator('.stream-live').waitFor();
    await postInRoom(host, 'TeaTalk', 'Q1 Which tea do you drink today?');
    const article = statusArticle(room, 'Which tea');
    await article.waitFor();
    expect(await article.locator('.role-badge').textContent()).toBe('Host');
  });

  it('settings keep the reminder lead time and reset the private calendar address', async () => {
    await participant.goto(`${server.url}/settings`);
    const lead = participant.getByLabel('Remind me of sessions of chats I follow');
    await expect.poll(() => lead.inputValue(), POLL).toBe('15');
    await lead.selectOption({ label: '1 hour before' });
    await participant.getByText('Saved.').waitFor();
    const prefs = await participant.request.get(`${server.url}/api/v1/chats/preferences`);
    expect(await prefs.json()).toEqual({ reminder_minutes: 60 });

    const feed = participant.getByLabel('Calendar feed address');
    await expect.poll(() => feed.inputValue(), POLL).toMatch(/\/calendar\/[\w-]+\.ics$/);
    const before = await feed.inputValue();
    expect(await (await fetch(before)).text()).toContain('Tea Talk');

    await participant.getByRole('button', { name: 'Reset address' }).click();
    await participant.getByRole('button', { name: 'Yes, make a new address' }).click();
    await expect.poll(() => feed.inputValue(), POLL).not.toBe(before);
    expect((await fetch(before)).status).toBe(404);
    expect((await fetch(await feed.inputValue())).status).toBe(200);
  });

  it('a host edits the title without touching the schedule', async () => {
    const before = await getJson<ChatJson & { upcoming_sessions: { id: string }[] }>(
      `/api/v1/chats/${chat.id}`,
    );
    await host.goto(`${server.url}/chats/${chat.id}/edit`);
    const title = host.getByLabel('Title');
    await expect.poll(() => title.inputValue(), POLL).toBe('Tea Talk');
    expect(await host.getByLabel('Hashtag').isDisabled()).toBe(true);
    await title.fill('Tea Talk Weekly');
    await host.getByRole('button', { name: 'Save changes' }).click();

    await host.getByRole('heading', { level: 1, name: 'Tea Talk Weekly' }).waitFor();
    const after = await getJson<ChatJson & { upcoming_sessions: { id: string }[] }>(
      `/api/v1/chats/${chat.id}`,
    );
    expect(after.schedule).toEqual(before.schedule);
    // An unchanged schedule is not sent, so the sessions to come keep their ids.
    expect(after.upcoming_sessions.map((s) => s.id)).toEqual(before.upcoming_sessions.map((s) => s.id));
  });

  it('a host has the chat share only its questions on the fediverse', async () => {
    await host.goto(`${server.url}/chats/${chat.id}/edit`);
    const everything = host.getByLabel('Every status in the room, questions and answers');
    await expect.poll(() => everything.isChecked(), POLL).toBe(true);
    await host.getByLabel('Only the questions').check();
    await host.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = await getJson<{ fediverse_announces: string }>(`/api/v1/chats/${chat.id}`);
    expect(saved.fediverse_announces).toBe('questions');
  });
});
