// biome-ignore-all lint/suspicious/noExplicitAny: seeding reads untyped JSON bodies and checks each write
/**
 * What the screenshots and the page-wide browser checks need beyond the live room: a poll in
 * the room (voted on, so the recap has one too), slow mode on its chat, a town-hall room with
 * questions, a viewer's list with a member who posts, and the seeded admin's name.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Api } from '../../../server/test/support/client';
import { apiFrom, PASSWORD } from './browser';
import type { LiveRoomSeed } from './seed-live-room';

export const TOWN_HALL_TAG = 'CityHallLive';

async function must(api: Api, method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) {
  const res = await api.request(method, path, body);
  if (res.status !== 200)
    throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as any;
}

export interface Extras {
  townHallTag: string;
  townHallSessionId: string;
  /** The username of the server's admin (its first account) when it is one of the seeded people. */
  admin: string | null;
  /** Makes a list for the viewer of `page` with a seeded participant on it who then posts; its id. */
  listFor(page: Page): Promise<string>;
  /** Signs `username` (a seeded account) in through the sign-in form. */
  signIn(context: BrowserContext, base: string, username: string): Promise<Page>;
}

export async function seedExtras(seed: LiveRoomSeed): Promise<Extras> {
  const { host, people } = seed;
  // A poll in the live room, voted on by two people.
  const poll = await must(people.sam.api, 'POST', '/api/v1/statuses', {
    status: `Quick poll: which topic next week? #${seed.tag}`,
    poll: { options: ['Pricing', 'Hiring your first person', 'Tools'], expires_in: 3600 },
  });
  await must(people.maya.api, 'POST', `/api/v1/polls/${poll.poll.id}/votes`, { choices: [0] });
  await must(people.leo.api, 'POST', `/api/v1/polls/${poll.poll.id}/votes`, { choices: [1] });
  // Slow mode: a participant is told before posting.
  await must(host.api, 'PATCH', `/api/v1/chats/${seed.chatId}/moderation_settings`, {
    slow_mode_seconds: 60,
  });

  // A town hall: questions asked, approved, one being answered.
  const chat = await must(host.api, 'POST', '/api/v1/chats', {
    hashtag: TOWN_HALL_TAG,
    title: 'City Hall Live',
    description: 'Ask the council anything.',
    time_zone: 'Europe/London',
  });
  const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
  const session = await must(host.api, 'POST', `/api/v1/chats/${chat.id}/sessions`, {
    title: 'Budget 2027',
    starts_at: start.toISOString(),
    duration_minutes: 60,
  });
  await must(host.api, 'POST', `/api/v1/sessions/${session.id}/start`);
  await must(host.api, 'PUT', `/api/v1/sessions/${session.id}/town_hall`, { town_hall: true });
  const asked: string[] = [];
  for (const [who, text] of [
    [people.maya, 'Will the library keep its Sunday opening hours?'],
    [people.leo, 'What happens to the bus lane on the high street?'],
    [people.sam, 'How much of the budget goes to parks this year?'],
  ] as const) {
    const submission = await must(who.api, 'POST', `/api/v1/sessions/${session.id}/submissions`, { text });
    await must(host.api, 'POST', `/api/v1/submissions/${submission.id}/approve`, {});
    asked.push(submission.id);
  }
  await must(people.sam.api, 'POST', `/api/v1/submissions/${asked[1]}/vote`);
  await must(people.maya.api, 'POST', `/api/v1/submissions/${asked[1]}/vote`);
  await must(host.api, 'POST', `/api/v1/submissions/${asked[0]}/answering`, {});

  let admin: string | null = null;
  for (const person of Object.values(people)) {
    const me = await must(person.api, 'GET', '/api/v1/accounts/verify_credentials');
    if (me.roles?.some((r: { name: string }) => r.name === 'admin')) admin = person.username;
  }

  return {
    townHallTag: TOWN_HALL_TAG,
    townHallSessionId: session.id,
    admin,
    async listFor(page) {
      for (const who of [people.maya, people.leo])
        await apiFrom(page, 'POST', `/api/v1/accounts/${who.id}/follow`, {});
      const list = await apiFrom<{ id: string }>(page, 'POST', '/api/v1/lists', {
        title: 'Bakers and makers',
      });
      await apiFrom(page, 'POST', `/api/v1/lists/${list.id}/accounts`, {
        account_ids: [people.maya.id, people.leo.id],
      });
      await must(people.maya.api, 'POST', '/api/v1/statuses', {
        status: 'Sourdough is out of the oven, the first batch went in ten minutes.',
      });
      return list.id;
    },
    async signIn(context, url, username) {
      const page = await context.newPage();
      await page.goto(`${url}/auth/sign-in?next=${encodeURIComponent('/settings')}`);
      await page.getByLabel('Username or email').fill(username);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/settings');
      return page;
    },
  };
}
