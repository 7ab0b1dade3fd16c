/**
 * Saves a desktop screenshot of a LIVE session room to docs/screenshot-room.png: the question
 * banner, question cards with their answers grouped under them, host and guest badges, and the
 * composer with its hashtag chip. Not a test: run it after building the web app with
 * `node packages/web/test/run-screenshot.mjs`.
 */
import path from 'node:path';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './support/browser';
import { seedLiveRoom } from './support/seed-live-room';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshot-room.png');

async function main() {
  assertWebBuilt();
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const { tag } = await seedLiveRoom(server.url);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1440 },
      colorScheme: 'light',
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    const page = await signUpThroughUi(context, server.url, 'you', `/tags/${tag}`);
    await waitForLive(page);
    await page.getByRole('region', { name: 'Question 2' }).waitFor();
    // The live numbers count the reader once the server's next count comes (a few seconds).
    await page
      .locator('.live-numbers dd')
      .first()
      .filter({ hasNotText: /^0$/ })
      .waitFor({ timeout: 8000 })
      .catch(() => undefined);
    await page.getByLabel(`Post to #${tag}`).fill('A2 Write down every customer conversation');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: OUT });
    console.log(`saved ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
