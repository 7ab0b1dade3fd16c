import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, postInRoom, signUpThroughUi } from './support/browser';

const POLL = { timeout: 10_000, interval: 100 };

describe('notifications in a browser', () => {
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

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    contexts.push(context);
    return context;
  }

  it('counts a mention live in the header badge and clears it when the list is visited', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_n', '/tags/ping');
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_n', '/tags/ping');
    await bob.locator('.stream-live').waitFor();

    await postInRoom(alice, 'ping', '@bob_n are you here?');

    const nav = bob.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Notifications (1 unread)' }).waitFor();

    await nav.getByRole('link', { name: /^Notifications/ }).click();
    await bob.waitForURL((url) => url.pathname === '/notifications');
    await bob.getByRole('list', { name: 'Notifications' }).getByText('are you here?').waitFor();
    await expect
      .poll(() => nav.getByRole('link', { name: /^Notifications/ }).textContent(), POLL)
      .toBe('Notifications');
  });
});
