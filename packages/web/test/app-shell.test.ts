import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './support/browser';
import { type LiveRoomSeed, seedLiveRoom } from './support/seed-live-room';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const POLL = { timeout: 10_000 };

describe('issue 19 in a browser: sign-up, welcome, phone tabs, theme and the room above the fold', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let seed: LiveRoomSeed;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { INSTANCE_RULES: 'Stay on topic.\nNo spam.' } }),
      launchChromium(),
    ]);
    seed = await seedLiveRoom(server.url);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function context(viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light') {
    const c = await browser.newContext({
      viewport,
      colorScheme,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
    });
    contexts.push(c);
    return c;
  }

  /** Whether `locator`'s box lies inside the viewport, below the page's top edge. */
  async function inView(page: Page, selector: string): Promise<number> {
    return page.evaluate((sel) => {
      const h = window.innerHeight;
      return [...document.querySelectorAll(sel)].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.top < h - 40;
      }).length;
    }, selector);
  }

  /**
   * How many of `selector`'s elements are wholly on screen: below the site header and above the
   * phone's tab bar (neither covers them), inside the viewport.
   */
  async function fullyInView(page: Page, selector: string): Promise<number> {
    return page.evaluate((sel) => {
      const header = document.querySelector('.site-header')?.getBoundingClientRect();
      const tabs = document.querySelector('nav[aria-label="Tabs"]')?.getBoundingClientRect();
      const top = Math.max(0, header?.bottom ?? 0);
      const bottom = tabs && tabs.height > 0 ? tabs.top : window.innerHeight;
      return [...document.querySelectorAll(sel)].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= top && r.bottom <= bottom;
      }).length;
    }, selector);
  }

  it('sign-up shows every field error at once, in plain words beside its field, and links the rules', async () => {
    const page = await (await context()).newPage();
    await page.goto(`${server.url}/auth/sign-up`);
    await page.getByRole('region', { name: 'Rules of this server' }).waitFor();
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'things to fix' });
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      'Username: Choose a username.',
      'Email: Enter your email address.',
      'Password: Use at least 8 characters.',
      'Rules: Agree to the rules to create an account.',
    ]);
    const username = page.getByLabel('Username');
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-username');
    // The error is the field's description for assistive technology.
    const describedBy = (await username.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toBe('Choose a username.');
    expect(await page.getByText(/Validation failed|can't be blank/).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'rules of this server' }).getAttribute('href')).toBe(
      '#rules',
    );

    // Typing in a field clears its error only.
    await username.fill('newcomer');
    expect(await username.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('a new account that follows nothing lands on a welcome and the chats to join, not an empty timeline', async () => {
    const page = await signUpThroughUi(await context(), server.url, 'newcomer', '/home');
    await page.getByRole('heading', { name: 'Welcome to Hashchat' }).waitFor();
    const live = page.getByRole('region', { name: 'Live now' });
    await live.getByRole('link', { name: 'Join Small Biz Chat' }).waitFor();
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await page.getByText('Your home timeline is empty').count()).toBe(0);
  });

  it('on a phone: a one-row header, a bottom tab bar, and a floating button that opens the room composer', async () => {
    const c = await context(PHONE);
    const page = await signUpThroughUi(c, server.url, 'phoneuser', `/tags/${seed.tag}`);
    await waitForLive(page);
    const tabs = page.getByRole('navigation', { name: 'Tabs' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual([
      'Chats',
      'Home',
      'Search',
      'Notifications',
      'Me',
    ]);
    const bar = await tabs.boundingBox();
    expect(bar && Math.round(bar.y + bar.height)).toBe(PHONE.height);
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height).toBeLessThan(70);
    // The header's own links and search box give way to the tabs.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chats' }).count(),
    ).toBe(0);

    const box = page.getByLabel(`Post to #${seed.tag}`);
    await page.getByRole('button', { name: 'Write a post' }).click();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    const shown = await box.boundingBox();
    expect(shown?.height).toBeGreaterThan(40);

    await tabs.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${server.url}/search`);
    await page.getByRole('searchbox', { name: 'Search' }).fill(seed.tag);
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await page
      .getByRole('region', { name: 'Chats' })
      .getByRole('link', { name: /Small Biz Chat/ })
      .waitFor();
    expect(await tabs.getByRole('link', { name: 'Search' }).getAttribute('aria-current')).toBe('page');

    // Wide screens keep the header instead.
    await page.setViewportSize(DESKTOP);
    expect(await page.getByRole('navigation', { name: 'Tabs' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Write a post' }).isVisible()).toBe(false);
  });

  it('the theme setting overrides the system and is remembered', async () => {
    const c = await context(DESKTOP, 'light');
    const page = await signUpThroughUi(c, server.url, 'nightowl', '/settings');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(background).toBe('rgb(21, 22, 28)');
    await page.reload();
    await page.getByRole('radio', { name: 'Dark' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await background()).toBe('rgb(21, 22, 28)');
    // Light wins over a dark system too; "Same as the system" follows it again.
    const dark = await (await context(DESKTOP, 'dark')).newPage();
    await dark.goto(`${server.url}/settings`);
    await dark.getByRole('radio', { name: 'Light' }).check();
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    await dark.getByRole('radio', { name: 'Same as the system' }).check();
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(21, 22, 28)',
    );
  });

  for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
    it(`the room at ${size} size shows the current question and three whole statuses on the first screen, and pins the question`, async () => {
      const page = await signUpThroughUi(
        await context(viewport),
        server.url,
        `reader_${size}`,
        `/tags/${seed.tag}`,
      );
      await waitForLive(page);
      const banner = page.getByRole('region', { name: 'Current question' });
      await expect.poll(() => banner.textContent(), POLL).toContain('Q2');
      expect(await inView(page, '[aria-label="Current question"]')).toBe(1);
      // The conversation is above the fold: at least three statuses whole on the first screen.
      await page.locator('main article').nth(2).waitFor();
      expect(await fullyInView(page, 'main article')).toBeGreaterThanOrEqual(3);

      await page.mouse.wheel(0, 1500);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
      const pinned = await banner.boundingBox();
      expect(pinned?.y).toBeGreaterThanOrEqual(0);
      expect(pinned?.y).toBeLessThan(100);

      // Answer starts the room's one composer with "A2 " rather than opening a second one.
      await banner.getByRole('button', { name: 'Answer Q2' }).click();
      const box = page.getByLabel(`Post to #${seed.tag}`);
      expect(await box.inputValue()).toBe('A2 ');
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('main textarea').count()).toBe(1);
    });
  }

  it('the room does not shift while it loads (its layout shift stays under 0.1 on a phone)', async () => {
    const c = await context(PHONE);
    const page = await c.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/tags/${seed.tag}`);
    await waitForLive(page);
    await page.getByRole('region', { name: 'Current question' }).waitFor();
    await page.locator('main article').first().waitFor();
    // The live numbers and counts land a moment later: give them the time a reader would.
    await expect.poll(() => page.locator('.room-count').textContent()).toMatch(/posts? in this session/);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    expect(cls).toBeLessThan(0.1);
  });
});
