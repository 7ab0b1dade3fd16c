/**
 * Screenshots of the main pages against a seeded live chat, at phone (390×844) and desktop
 * (1440×900) sizes, light and dark, into a folder outside the repository (never commit them):
 * `node packages/web/test/run-script.mjs screenshots.ts [out-dir] [--full] [page-name…]` after building
 * (`--full` adds a whole-page shot of each); each line names what scrolls sideways, if anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, signUpThroughUi } from './support/browser';
import { seedExtras } from './support/seed-extras';
import { seedLiveRoom } from './support/seed-live-room';

const args = process.argv.slice(3);
const OUT = args[0] ?? '/tmp/hashchat-shots';
const full = args.includes('--full');
const only = args.slice(1).filter((a) => a !== '--full');

export const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

async function main() {
  assertWebBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const seed = await seedLiveRoom(server.url);
    const extras = await seedExtras(seed);
    // Who signs in: an anonymous reader, a new participant, the seeded host or the admin.
    type Who = 'anon' | 'user' | 'host' | 'admin';
    const pages: [name: string, path: string, who: Who | boolean][] = [
      ['landing', '/', false],
      ['chats', '/chats', false],
      ['chat', `/chats/${seed.chatId}`, false],
      ['room', `/tags/${seed.tag}`, true],
      ['home-new', '/home', true],
      ['search', `/search?q=${seed.tag}`, false],
      ['sign-up', '/auth/sign-up', false],
      ['settings', '/settings', true],
      ['new-chat', '/chats/new', true],
      ['transcript', `/sessions/${seed.sessionId}`, false],
      ['recap', `/sessions/${seed.sessionId}/recap`, true],
      ['notifications', '/notifications', true],
      ['lists', '/lists', true],
      ['list', '/lists/LIST', true],
      ['town-hall', `/tags/${extras.townHallTag}`, true],
      ['profile', `/@${seed.people.maya.username}`, false],
      ['host-room', `/tags/${seed.tag}`, 'host'],
      ['console', `/sessions/${seed.sessionId}/console`, 'host'],
      ['moderation', `/sessions/${seed.sessionId}/moderation`, 'host'],
      ['chat-stats', `/chats/${seed.chatId}/stats`, 'host'],
      ['admin-settings', '/settings', 'admin'],
      ['admin-federation', '/admin/federation', 'admin'],
      ['settings-lists', '/settings/lists', true],
      ['settings-filters', '/settings/filters', true],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const context = await browser.newContext({
          viewport,
          colorScheme: scheme,
          locale: 'en-GB',
          timezoneId: 'Europe/Berlin',
        });
        const user = `shot_${scheme}_${size}`;
        const signed: Page = await signUpThroughUi(context, server.url, user, '/settings');
        const listId = await extras.listFor(signed);
        const hostContext = await browser.newContext({
          viewport,
          colorScheme: scheme,
          locale: 'en-GB',
          timezoneId: 'Europe/Berlin',
        });
        const host = await extras.signIn(hostContext, server.url, seed.host.username);
        const adminContext = await browser.newContext({
          viewport,
          colorScheme: scheme,
          locale: 'en-GB',
          timezoneId: 'Europe/Berlin',
        });
        if (!extras.admin) throw new Error('no seeded account is the admin: seed on a fresh server');
        const admin = await extras.signIn(adminContext, server.url, extras.admin);
        const anon = await (
          await browser.newContext({
            viewport,
            colorScheme: scheme,
            locale: 'en-GB',
            timezoneId: 'Europe/Berlin',
          })
        ).newPage();
        for (const [name, where, who] of pages) {
          if (only.length > 0 && !only.includes(name)) continue;
          const page =
            who === 'host' ? host : who === 'admin' ? admin : who === true || who === 'user' ? signed : anon;
          await page.goto(`${server.url}${where.replace('LIST', listId)}`);
          await page.waitForLoadState('networkidle').catch(() => undefined);
          const file = path.join(OUT, `${name}-${size}-${scheme}.png`);
          await page.screenshot({ path: file });
          if (full) await page.screenshot({ path: file.replace(/\.png$/, '-full.png'), fullPage: true });
          // What scrolls sideways, and the widest element that makes it.
          const wide = await page.evaluate(() => {
            const limit = document.documentElement.clientWidth;
            const over = [...document.querySelectorAll('body *')]
              .map((e) => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ r }) => r.right > limit + 0.5 && r.width > 0)
              .slice(0, 4)
              .map(
                ({ e, r }) =>
                  `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(r.right)}`,
              );
            return { scrollWidth: document.documentElement.scrollWidth, limit, over };
          });
          console.log(file, wide.scrollWidth > wide.limit ? `OVERFLOW ${JSON.stringify(wide)}` : '');
        }
        await context.close();
        await hostContext.close();
        await adminContext.close();
        await anon.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
