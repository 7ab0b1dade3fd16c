import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Seeded, seedTranscript } from '../../../server/test/transcript-seed';
import { assertWebBuilt, launchChromium } from './browser';

/**
 * For the describe block it is called in: the seeded transcript server of
 * packages/server/test/transcript-seed.ts and a Chromium, both closed after the block together
 * with every browser context opened through `newContext`.
 */
export function seededChromium(): {
  seed: () => Seeded;
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
} {
  let seed: Seeded;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    assertWebBuilt();
    [seed, browser] = await Promise.all([seedTranscript(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await seed?.server.close();
  });
  return {
    seed: () => seed,
    async newContext(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
