import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { seriousViolations } from './support/axe';
import { assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './support/browser';
import { type LiveRoomSeed, seedLiveRoom } from './support/seed-live-room';

const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

/**
 * axe-core on every main page, in the light and the dark theme, at desktop and phone sizes:
 * no serious or critical violation (contrast, names, roles, focusable scroll regions…).
 */
describe('axe finds no serious or critical violation on the main pages', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let seed: LiveRoomSeed;
  let endedSessionId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    seed = await seedLiveRoom(server.url);
    endedSessionId = seed.sessionId;
    // A spotlighted status, so its badge on the transcript is checked too.
    const page = await seed.host.api.request('GET', `/api/v1/sessions/${seed.sessionId}/transcript?limit=1`);
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
    signedIn: boolean,
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
    ['room', () => `/tags/${seed.tag}`, (p) => waitForLive(p), true],
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
  ];

  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      it(`${scheme} theme, ${size}`, async () => {
        const options = { viewport, colorScheme: scheme, locale: 'en-GB', timezoneId: 'Europe/Berlin' };
        const signed = await browser.newContext(options);
        const anon = await browser.newContext(options);
        contexts.push(signed, anon);
        const user = await signUpThroughUi(signed, server.url, `axe_${scheme}_${size}`, '/settings');
        const reader = await anon.newPage();
        const found: Record<string, string[]> = {};
        for (const [name, path, ready, signedIn] of pages) {
          const page = signedIn ? user : reader;
          await page.goto(`${server.url}${path()}`);
          await ready(page);
          const violations = await seriousViolations(page);
          if (violations.length > 0)
            found[name] = violations.map(
              (v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`,
            );
        }
        expect(found).toEqual({});
      });
    }
  }

  it('the axe check sees a real violation (an image without a name)', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/sign-up`);
    await page.getByLabel('Username').waitFor();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'image';
      input.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')?.append(input);
    });
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('input-image-alt');
  });
});
