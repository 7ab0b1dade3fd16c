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
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      if (side === 'without')
        await context.addCookies([{ name: 'hc_session', value: 'nobody', url: server.url }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number };
        w.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`${server.url}/tags/${seed.tag}`);
      await page.locator('main article').first().waitFor({ timeout: 60_000 });
      // The paint settles after the first article; LCP is the last candidate.
      await page.waitForTimeout(2000);
      results[side].push(
        Math.round(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp)),
      );
      await context.close();
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
