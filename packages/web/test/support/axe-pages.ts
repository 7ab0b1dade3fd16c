import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../../server/test/support/client';
import { startTestServer } from '../../../server/test/support/test-server';
import { seriousViolations } from './axe';
import { assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './browser';
import { type Extras, seedExtras } from './seed-extras';
import { type LiveRoomSeed, seedLiveRoom } from './seed-live-room';

export const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

/** What a page shows that a screenshot would: sideways scroll, and the brand broken over two lines. */
export function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const { scrollWidth } = document.documentElement;
    if (scrollWidth > window.innerWidth) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
      faults.push(`scrolls sideways: ${scrollWidth} > ${window.innerWidth} px (${wide.join(', ')})`);
    }
    const name = [...(document.querySelector('.site-header .brand')?.childNodes ?? [])].find(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
    );
    if (name) {
      const range = document.createRange();
      range.selectNodeContents(name);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      if (lines !== 1) faults.push(`the header's "Hashchat" takes ${lines} lines`);
    }
    return faults;
  });
}

/**
 * axe-core on every main page, in the light and the dark theme, at desktop and phone sizes:
 * no serious or critical violation (contrast, names, roles, focusable scroll regions…); and no
 * page scrolls sideways or breaks the header's name over two lines.
 */
export function axeSuite(scheme: 'light' | 'dark', size: keyof typeof SIZES): void {
  describe(`axe finds no serious or critical violation on the main pages, and none scrolls sideways (${scheme}, ${size})`, () => {
    let server: { url: string; close(): Promise<void> };
    let browser: Browser;
    let seed: LiveRoomSeed;
    let endedSessionId: string;
    let extras: Extras;
    let admin: string;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      assertWebBuilt();
      [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
      // The server's first account is its admin: one who hosts nothing, to see the admin's header.
      admin = (await registerUser(server.url, 'axe_admin')).username;
      seed = await seedLiveRoom(server.url);
      // A poll in the room (and so in the recap), slow mode told in its composer, a town hall.
      extras = await seedExtras(seed);
      endedSessionId = seed.sessionId;
      // A spotlighted status, so its badge on the transcript is checked too.
      const page = await seed.host.api.request(
        'GET',
        `/api/v1/sessions/${seed.sessionId}/transcript?limit=1`,
      );
      const statusId = (page.body as { statuses: { id: string }[] }).statuses[0].id;
      const spotlit = await seed.host.api.request('POST', `/api/v1/sessions/${seed.sessionId}/spotlight`, {
        status_id: statusId,
      });
      expect(spotlit.status).toBe(200);
    });

    afterAll(async () => {
      await Promise.all(contexts.map((c) => c.close()));
      await browser?.close();
      await server?.close();
    });

    /** Each page with what shows it is ready. */
    const pages: [
      name: string,
      path: () => string,
      ready: (page: Page) => Promise<unknown>,
      who: boolean | 'host' | 'admin',
    ][] = [
      [
        'home page',
        () => '/',
        (p) => p.getByRole('link', { name: 'Join Small Biz Chat' }).first().waitFor(),
        false,
      ],
      ['directory', () => '/chats', (p) => p.getByRole('heading', { name: 'Live now' }).waitFor(), false],
      [
        'chat page',
        () => `/chats/${seed.chatId}`,
        (p) => p.getByRole('heading', { name: 'Small Biz Chat' }).waitFor(),
        false,
      ],
      [
        'room with a poll',
        () => `/tags/${seed.tag}`,
        async (p) => {
          await waitForLive(p);
          await p.locator('.status .poll').waitFor();
        },
        true,
      ],
      [
        'town-hall room',
        () => `/tags/${extras.townHallTag}`,
        (p) => p.getByRole('list', { name: 'Town hall questions' }).getByRole('article').first().waitFor(),
        true,
      ],
      [
        'welcome home',
        () => '/home',
        (p) => p.getByRole('heading', { name: 'Welcome to Hashchat' }).waitFor(),
        true,
      ],
      [
        'search',
        () => `/search?q=${seed.tag}`,
        (p) => p.getByRole('heading', { name: 'Chats' }).waitFor(),
        false,
      ],
      ['sign-up', () => '/auth/sign-up', (p) => p.getByLabel('Username').waitFor(), false],
      ['settings', () => '/settings', (p) => p.getByRole('heading', { name: 'Reminders' }).waitFor(), true],
      ['new chat', () => '/chats/new', (p) => p.getByLabel('Hashtag').waitFor(), true],
      ['notifications', () => '/notifications', (p) => p.getByText('No notifications yet').waitFor(), true],
      [
        'recap',
        () => `/sessions/${endedSessionId}/recap`,
        async (p) => {
          await p.getByRole('heading', { level: 1 }).waitFor();
          // The charts' tables shown: a table that scrolls must be reachable from the keyboard.
          const toggles = p.getByRole('button', { name: 'Show the numbers as a table' });
          await toggles.first().waitFor();
          // Each click renames its button ("Hide the table"): always the first one left.
          while ((await toggles.count()) > 0) await toggles.first().click();
          await p.locator('.chart-table:not(.sr-only)').nth(1).waitFor();
        },
        true,
      ],
      [
        'transcript',
        () => `/sessions/${endedSessionId}`,
        (p) => p.locator('.doc-badge.spotlight').waitFor(),
        false,
      ],
      ['lists', () => '/lists', (p) => p.getByRole('link', { name: 'Bakers and makers' }).waitFor(), true],
      [
        'list timeline',
        () => `/lists/${listId}`,
        (p) => p.getByRole('article').filter({ hasText: 'Sourdough is out of the oven' }).first().waitFor(),
        true,
      ],
      [
        'host console',
        () => `/sessions/${seed.sessionId}/console`,
        (p) => p.getByRole('heading', { name: 'Agenda' }).waitFor(),
        'host',
      ],
      [
        'moderation',
        () => `/sessions/${seed.sessionId}/moderation`,
        (p) => p.getByRole('heading', { name: 'Moderation log' }).waitFor(),
        'host',
      ],
      [
        "an admin's settings",
        () => '/settings',
        (p) => p.getByRole('link', { name: 'Federation' }).last().waitFor(),
        'admin',
      ],
      [
        'federation admin',
        () => '/admin/federation',
        (p) => p.getByRole('heading', { name: 'Blocked servers' }).waitFor(),
        'admin',
      ],
    ];
    let listId = '';

    it(`${scheme} theme, ${size}`, { timeout: 150_000 }, async () => {
      const viewport = SIZES[size];
      const options = { viewport, colorScheme: scheme, locale: 'en-GB', timezoneId: 'Europe/Berlin' };
      const [signed, anon, hostContext, adminContext] = await Promise.all(
        [1, 2, 3, 4].map(() => browser.newContext(options)),
      );
      contexts.push(signed, anon, hostContext, adminContext);
      const user = await signUpThroughUi(signed, server.url, `axe_${scheme}_${size}`, '/settings');
      const people = {
        host: await extras.signIn(hostContext, server.url, seed.host.username),
        admin: await extras.signIn(adminContext, server.url, admin),
      };
      const reader = await anon.newPage();
      const found: Record<string, string[]> = {};
      const layout: Record<string, string[]> = {};
      for (const [name, path, ready, who] of pages) {
        const page = who === 'host' || who === 'admin' ? people[who] : who ? user : reader;
        // The list (following its members) only once the empty Home has been seen.
        if (name === 'lists') listId = await extras.listFor(user);
        await page.goto(`${server.url}${path()}`);
        await ready(page);
        const violations = await seriousViolations(page);
        if (violations.length > 0)
          found[name] = violations.map(
            (v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`,
          );
        const faults = await layoutFaults(page);
        if (faults.length > 0) layout[name] = faults;
      }
      expect({ axe: found, layout }).toEqual({ axe: {}, layout: {} });
    });
  });
}
