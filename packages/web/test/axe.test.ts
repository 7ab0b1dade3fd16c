import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { seriousViolations } from './support/axe';
import { layoutFaults, SIZES } from './support/axe-pages';
import { assertWebBuilt, launchChromium } from './support/browser';

// The main pages are checked in axe-{light,dark}-{desktop,phone}.test.ts (support/axe-pages.ts);
// this file checks that the two checks they make see what they look for.
describe('the accessibility and layout checks see real faults', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  it('the layout check sees a page that scrolls sideways and a header name on two lines', async () => {
    const context = await browser.newContext({ viewport: SIZES.phone });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/sign-up`);
    await page.getByLabel('Username').waitFor();
    expect(await layoutFaults(page)).toEqual([]);
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '410px';
      wide.style.height = '1px';
      document.querySelector('main')?.append(wide);
      document.querySelector<HTMLElement>('.site-header .brand')?.style.setProperty('width', '6rem');
      document.querySelector<HTMLElement>('.site-header .brand')?.style.setProperty('white-space', 'normal');
    });
    expect(await layoutFaults(page)).toEqual([
      expect.stringMatching(/^scrolls sideways: 4\d\d > 390 px/),
      'the header\'s "Hashchat" takes 2 lines',
    ]);
  });

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
