import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium } from './support/browser';

describe('the sign-up page', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { INSTANCE_RULES: 'Stay on the chat’s topic.\nNo spam.' } }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the rules people agree to, in order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/sign-up`);
    const rules = page.getByRole('region', { name: 'Rules of this server' }).getByRole('listitem');
    await rules.first().waitFor();
    expect(await rules.allTextContents()).toEqual(['Stay on the chat’s topic.', 'No spam.']);
    await context.close();
  });
});
