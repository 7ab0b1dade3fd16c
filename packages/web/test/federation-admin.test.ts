import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, signUpThroughUi } from './support/browser';

describe('the Federation admin page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an admin block a server from the keyboard and see it listed; others see no way in', async () => {
    // The first account of a server is its admin.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await signUpThroughUi(context, server.url, `admin${Date.now() % 100000}`, '/home');
    // On a phone the header keeps one row: Federation is under Settings → Server.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Federation' }).count(),
    ).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Federation' }).click();
    await page.getByRole('heading', { name: 'Federation', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Delivery health' }).waitFor();

    const form = page.getByRole('form', { name: 'Block a server' });
    await form.getByLabel('Domain').fill('Spam.Example.');
    await form.getByLabel('Silence: kept out of public timelines and rooms').check();
    await form.getByLabel('Public reason').fill('Floods rooms with ads');
    await form.getByLabel('Private note').fill('Reports 4 and 7');
    await form.getByLabel('Private note').press('Tab');
    // Submitted with the keyboard: Tab to the button, Enter.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Block server');
    await page.keyboard.press('Enter');

    const item = page
      .getByRole('list', { name: 'Blocked domains' })
      .getByRole('listitem')
      .filter({ hasText: 'spam.example' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Silenced');
    expect(await item.textContent()).toContain('Floods rooms with ads');
    expect(await page.getByRole('status').filter({ hasText: 'Blocked spam.example.' }).count()).toBe(1);
    // The phone layout never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // It is stored: a reload lists it again, and the public list has it.
    await page.reload();
    await item.waitFor();
    const pub = await (await fetch(`${server.url}/api/v1/instance/domain_blocks`)).json();
    expect(pub).toEqual([
      expect.objectContaining({
        domain: 'spam.example',
        severity: 'silence',
        comment: 'Floods rooms with ads',
      }),
    ]);

    await item.getByRole('button', { name: 'Remove the block on spam.example' }).click();
    await item.waitFor({ state: 'detached' });
    await context.close();

    // Someone who is not an admin gets no link and no controls.
    const other = await browser.newContext();
    const userPage = await signUpThroughUi(
      other,
      server.url,
      `user${Date.now() % 100000}`,
      '/admin/federation',
    );
    await userPage.getByText('Only the admins of this server manage').waitFor();
    expect(await userPage.getByRole('link', { name: 'Federation' }).count()).toBe(0);
    await userPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await userPage.getByRole('heading', { name: 'Reminders' }).waitFor();
    expect(await userPage.getByRole('heading', { name: 'Server' }).count()).toBe(0);
    expect(await userPage.getByRole('link', { name: 'Federation' }).count()).toBe(0);
    expect(await userPage.getByRole('form', { name: 'Block a server' }).count()).toBe(0);
    await other.close();
  });
});
