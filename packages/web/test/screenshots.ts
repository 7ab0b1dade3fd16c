/**
 * Screenshots of the main pages against a seeded live chat, at phone (390×844) and desktop
 * (1440×900) sizes, light and dark, into a folder outside the repository (never commit them):
 * `node packages/web/test/run-script.mjs screenshots.ts [out-dir] [page-name…]` after building.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, signUpThroughUi } from './support/browser';
import { seedLiveRoom } from './support/seed-live-room';

const args = process.argv.slice(3);
const OUT = args[0] ?? '/tmp/hashchat-shots';
const only = args.slice(1);

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
    const pages: [name: string, path: string, signedIn: boolean][] = [
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
        const anon = await (
          await browser.newContext({
            viewport,
            colorScheme: scheme,
            locale: 'en-GB',
            timezoneId: 'Europe/Berlin',
          })
        ).newPage();
        for (const [name, where, signedIn] of pages) {
          if (only.length > 0 && !only.includes(name)) continue;
          const page = signedIn ? signed : anon;
          await page.goto(`${server.url}${where}`);
          await page.waitForLoadState('networkidle').catch(() => undefined);
          const file = path.join(OUT, `${name}-${size}-${scheme}.png`);
          await page.screenshot({ path: file });
          console.log(file);
        }
        await context.close();
        await anon.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
