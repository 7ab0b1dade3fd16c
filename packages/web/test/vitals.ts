/**
 * Largest contentful paint and cumulative layout shift of the main pages on issue 19's slow
 * phone: 390×844, CPU slowed 4×, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, a cold
 * cache. Measured in Chromium with PerformanceObserver; prints a table, asserts nothing.
 * `node packages/web/test/run-script.mjs vitals.ts [runs]` after building the web app.
 */
import type { Browser } from 'playwright-core';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium } from './support/browser';
import { seedLiveRoom } from './support/seed-live-room';
import { slowPhonePage, vitalsOf } from './support/slow-phone';

const RUNS = Number(process.argv[3] ?? 3);

async function measure(browser: Browser, url: string, ready: string): Promise<{ lcp: number; cls: number }> {
  const page = await slowPhonePage(browser);
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  // Let late content (counters, live numbers) land, as a reader would keep looking.
  await page.waitForTimeout(3000);
  const result = await vitalsOf(page);
  await page.context().close();
  return result;
}

async function main() {
  assertWebBuilt();
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const seed = await seedLiveRoom(server.url);
    const pages: [string, string, string][] = [
      ['home', '/', '.live-card, .chat-entry:not(.skeleton-card)'],
      ['directory', '/chats', '.chat-entry:not(.skeleton-card)'],
      ['room', `/tags/${seed.tag}`, 'main article'],
      ['transcript', `/sessions/${seed.sessionId}`, 'h1'],
    ];
    console.log('page        LCP ms (median of runs)   CLS (worst)');
    for (const [name, path, ready] of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, `${server.url}${path}`, ready));
      const lcps = runs.map((r) => r.lcp).sort((a, b) => a - b);
      const cls = Math.max(...runs.map((r) => r.cls));
      console.log(
        `${name.padEnd(12)}${Math.round(lcps[Math.floor(lcps.length / 2)])
          .toString()
          .padEnd(
            26,
          )}${cls.toFixed(3)}   runs: ${runs.map((r) => `${Math.round(r.lcp)}/${r.cls.toFixed(3)}`).join(' ')}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
