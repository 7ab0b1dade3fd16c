import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../server/test/support/client';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium } from './support/browser';
import { LIVE_TAG, seedLiveRoom } from './support/seed-live-room';

const ZONE = 'Asia/Tokyo';

describe('the home page in a browser', () => {
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

  async function openHome(viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, timezoneId: ZONE, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    return page;
  }

  it('with nothing planned, says no chat is live and how to host one', async () => {
    const page = await openHome();
    const live = page.getByRole('region', { name: 'Live now' });
    await live.getByText('No chat is live right now').waitFor();
    expect(await live.getByRole('link', { name: 'Host a chat' }).getAttribute('href')).toBe('/chats/new');
    expect(await page.getByText('Loading…').count()).toBe(0);
  });

  it('opens on Live now, Starting soon and This week, each chat with a Join button into its room', async () => {
    await seedLiveRoom(server.url);
    const host = await registerUser(server.url, 'soonhost');
    const soonChat = await host.api.post('/api/v1/chats', {
      hashtag: 'TacoTuesdayChat',
      title: 'Taco Tuesday',
      time_zone: 'America/Mexico_City',
    });
    expect(soonChat.status).toBe(200);
    const soonStart = new Date(Math.ceil((Date.now() + 40 * 60_000) / 60_000) * 60_000);
    const laterStart = new Date(soonStart.getTime() + 2 * 86_400_000);
    for (const starts_at of [soonStart, laterStart]) {
      const res = await host.api.post(`/api/v1/chats/${soonChat.body.id}/sessions`, {
        starts_at: starts_at.toISOString(),
        duration_minutes: 60,
      });
      expect(res.status).toBe(200);
    }

    const page = await openHome();
    const headings = page.getByRole('heading', { level: 2 });
    await page.getByRole('region', { name: 'Live now' }).getByRole('article').first().waitFor();
    // The page opens on what is live; the hashtag box and the public feed come after.
    expect((await headings.allTextContents()).slice(0, 4)).toEqual([
      'Live now',
      'Starting soon',
      'This week',
      'Open any hashtag',
    ]);

    const liveCard = page
      .getByRole('region', { name: 'Live now' })
      .getByRole('article', { name: 'Small Biz Chat' });
    await expect.poll(() => liveCard.textContent()).toContain(`#${LIVE_TAG}`);
    expect(await liveCard.textContent()).toContain('Hosted by Jane Okafor');
    expect(await liveCard.textContent()).toContain('GMT+9');
    const join = liveCard.getByRole('link', { name: 'Join Small Biz Chat' });
    expect(await join.getAttribute('class')).toContain('button-primary');

    const soonCard = page
      .getByRole('region', { name: 'Starting soon' })
      .getByRole('article', { name: 'Taco Tuesday' });
    const soonTime = soonCard.locator('time');
    expect(await soonTime.getAttribute('datetime')).toBe(soonStart.toISOString());
    expect(await soonTime.textContent()).toContain('GMT+9');
    expect(
      await page
        .getByRole('region', { name: 'This week' })
        .getByRole('article', { name: 'Taco Tuesday' })
        .count(),
    ).toBe(1);

    await join.click();
    await page.waitForURL(`${server.url}/tags/${LIVE_TAG}`);

    const shots = process.env.HOME_SCREENSHOTS;
    if (shots) {
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ]) {
        const shot = await openHome(viewport);
        await shot.getByRole('link', { name: 'Join Small Biz Chat' }).waitFor();
        await shot.screenshot({ path: `${shots}/home-${viewport.width}.png` });
      }
    }
  });

  it('the header search finds a chat by its hashtag, first, and leads to its page', async () => {
    const page = await openHome();
    await page.getByRole('searchbox', { name: 'Search' }).fill('#TacoTuesdayChat');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    const chats = page.getByRole('region', { name: 'Chats' });
    await chats.getByRole('link', { name: /Taco Tuesday/ }).waitFor();
    // Chats come first; the chat's hashtag is not offered again as a bare room.
    expect((await page.getByRole('heading', { level: 2 }).allTextContents())[0]).toBe('Chats');
    expect(await page.getByRole('link', { name: /Open the room/ }).count()).toBe(0);
    await chats.getByRole('link', { name: /Taco Tuesday/ }).click();
    await page.waitForURL(/\/chats\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Taco Tuesday' }).waitFor();

    // By title too, without the hashtag.
    await page.getByRole('searchbox', { name: 'Search' }).fill('taco tues');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await page
      .getByRole('region', { name: 'Chats' })
      .getByRole('link', { name: /Taco Tuesday/ })
      .waitFor();
  });
});
