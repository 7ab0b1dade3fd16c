import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Seeded } from '../../server/test/transcript-seed';
import { PASSWORD } from './support/browser';
import { seededChromium } from './support/seeded-chromium';

// The chat is in New York; the reader is in Tokyo (UTC+9). The session was scheduled for
// 15:00 UTC but really ran 14:50–14:56 UTC: 23:50–23:56 in Tokyo, 09:50–09:56 in New York.
const VIEWER_ZONE = 'Asia/Tokyo';

/**
 * The transcript (the server's page) and the recap (the app's) as one layout: the app's
 * header, the times the session really ran in the reader's zone with the chat's beside it,
 * and the same figures on both.
 */
describe('transcript and recap, one layout', () => {
  const env = seededChromium();
  let seed: Seeded;
  beforeAll(() => {
    seed = env.seed();
  });

  async function open(path: string, size = { width: 1440, height: 900 }): Promise<Page> {
    const context = await env.newContext({ timezoneId: VIEWER_ZONE, locale: 'en-GB', viewport: size });
    const page = await context.newPage();
    await page.goto(`${seed.server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Tacos of the world' }).waitFor();
    return page;
  }
  const transcript = () => open(`/sessions/${seed.sessionId}`);
  const recap = async () => {
    const page = await open(`/sessions/${seed.sessionId}/recap`);
    await page.locator('.recap-figure[data-figure="peak"]').waitFor();
    return page;
  };
  const span = (page: Page, key: string) => page.locator(`.session-span [data-span="${key}"] dd`);
  const peak = (page: Page) => page.locator('.recap-figure[data-figure="peak"] .figure-value');

  it('the transcript has the app header and tab bar, and the tabs lead to the recap', async () => {
    const page = await transcript();
    const banner = page.getByRole('banner').filter({ has: page.getByRole('link', { name: 'Hashchat' }) });
    await banner.waitFor();
    expect(await banner.getByRole('link', { name: 'Chats' }).getAttribute('href')).toBe('/chats');
    // The app's palette: the brand mark is drawn in the accent token, not the browser's default.
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    expect(accent).not.toBe('');
    const phone = await open(`/sessions/${seed.sessionId}`, { width: 390, height: 844 });
    await phone.getByRole('navigation', { name: 'Tabs' }).getByRole('link', { name: 'Chats' }).waitFor();
    expect(await phone.getByRole('navigation', { name: 'Tabs' }).isVisible()).toBe(true);

    const tabs = page.getByRole('navigation', { name: 'This session' });
    expect(await tabs.getByRole('link', { name: 'Transcript' }).getAttribute('aria-current')).toBe('page');
    await tabs.getByRole('link', { name: 'Recap' }).click();
    await page.waitForURL(`${seed.server.url}/sessions/${seed.sessionId}/recap`);
    const recapTabs = page.getByRole('navigation', { name: 'This session' });
    await recapTabs.waitFor();
    expect(await recapTabs.getByRole('link', { name: 'Recap' }).getAttribute('aria-current')).toBe('page');
  });

  it("shows the times the session really ran, in the reader's zone with the chat's beside it, on both pages", async () => {
    for (const page of [await transcript(), await recap()]) {
      const where = page.url();
      await expect
        .poll(() => span(page, 'started').textContent(), { message: where })
        .toBe('Mon 1 Mar 2027, 23:50 your time · 09:50 America/New York');
      expect(await span(page, 'ended').textContent(), where).toBe('23:56 your time · 09:56 America/New York');
      expect(await span(page, 'duration').textContent(), where).toBe('6 min');
      // Not the schedule (15:00 UTC, midnight in Tokyo).
      expect(await page.locator('.session-span').textContent(), where).not.toContain('00:00');
      expect(await page.locator('.zone-note').textContent(), where).toBe(
        "Times are in your time zone (Asia/Tokyo); the chat's is America/New York.",
      );
    }
  });

  it('shows the same peak figure on the transcript and the recap', async () => {
    const [a, b] = [await transcript(), await recap()];
    const expected = '23:51 your time · 09:51 America/New York';
    await expect.poll(() => peak(a).textContent()).toBe(expected);
    expect(await peak(b).textContent()).toBe(expected);
    // Every headline figure reads the same on both.
    const figures = (page: Page) =>
      page
        .locator('.recap-figure')
        .evaluateAll((list) =>
          list.map((f) => [
            f.getAttribute('data-figure'),
            f.querySelector('.figure-value')?.textContent,
            f.querySelector('.figure-detail')?.textContent ?? null,
          ]),
        );
    expect(await figures(a)).toEqual(await figures(b));
    expect((await figures(a)).length).toBe(7);
  });

  it("shows each status's time in the reader's zone, the chat's in its tooltip", async () => {
    const page = await transcript();
    const time = page.locator(`article[data-status-id="${seed.s.annA1}"] time`);
    await expect.poll(() => time.textContent()).toBe('23:51');
    expect(await time.getAttribute('title')).toBe('23:51 your time · 09:51 America/New York');
  });

  it("follows the theme the reader chose in the app's settings, not only the system's", async () => {
    const context = await env.newContext({ colorScheme: 'light', timezoneId: VIEWER_ZONE });
    await context.addInitScript(() => localStorage.setItem('hashchat.theme', 'dark'));
    const page = await context.newPage();
    await page.goto(`${seed.server.url}/sessions/${seed.sessionId}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The app's dark --bg token (#15161c).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(21, 22, 28)',
    );
  });

  it('names a signed-in reader in the header, as the app does, and keeps their page private', async () => {
    const context = await env.newContext({ timezoneId: VIEWER_ZONE });
    const ann = seed.users.ann.username;
    const signed = await context.request.post(`${seed.server.url}/api/v1/auth/sign_in`, {
      data: { login: ann, password: PASSWORD },
    });
    expect(signed.status()).toBe(200);
    const page = await context.newPage();
    const response = await page.goto(`${seed.server.url}/sessions/${seed.sessionId}`);
    expect(response?.headers()['cache-control']).toBe('private, no-cache');
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: `@${ann}` }).getAttribute('href')).toBe(`/@${ann}`);
    expect(await main.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
  });
});
