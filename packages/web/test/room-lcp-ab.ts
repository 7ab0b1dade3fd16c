/**
 * The room's largest contentful paint on the slow phone of vitals.ts, with and without the
 * preloaded first answers (server routes/web/preload.ts), runs interleaved so both see the same
 * machine: without = the same anonymous reader sending a session cookie that names nobody (the
 * server then leaves the preload out and the app asks for everything itself). Prints, asserts
 * nothing. `node packages/web/test/run-script.mjs room-lcp-ab.ts [runs per side]` after a build.
 */
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium } from './support/browser';
import { seedLiveRoom } from './support/seed-live-room';
import { slowPhonePage, vitalsOf } from './support/slow-phone';

const RUNS = Number(process.argv[3] ?? 6);

async function main() {
  assertWebBuilt();
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const seed = await seedLiveRoom(server.url);
    const results: Record<'with preload' | 'without', number[]> = { 'with preload': [], without: [] };
    for (let run = 0; run < 2 * RUNS; run++) {
      const side = run % 2 === 0 ? 'with preload' : 'without';
      const page = await slowPhonePage(browser, async (context) => {
        if (side === 'without')
          await context.addCookies([{ name: 'hc_session', value: 'nobody', url: server.url }]);
      });
      await page.goto(`${server.url}/tags/${seed.tag}`);
      await page.locator('main article').first().waitFor({ timeout: 60_000 });
      // The paint settles after the first article; LCP is the last candidate.
      await page.waitForTimeout(2000);
      results[side].push(Math.round((await vitalsOf(page)).lcp));
      await page.context().close();
    }
    console.log('room LCP ms     median   runs');
    for (const [side, runs] of Object.entries(results)) {
      runs.sort((a, b) => a - b);
      console.log(
        `${side.padEnd(16)}${String(runs[Math.floor(runs.length / 2)]).padEnd(9)}${runs.join(' ')}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
