import { curatedTopic, sessionTopic } from '@hashchat/api/topics';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveRuntime } from '../../server/src/services/live/counters';
import { registerUser } from '../../server/test/support/client';
import { startTestServer, type TestServer } from '../../server/test/support/test-server';
import { seriousViolations } from './support/axe';
import {
  apiFrom,
  assertWebBuilt,
  launchChromium,
  roomTexts,
  signUpThroughUi,
  waitForLive,
} from './support/browser';

const POLL = { timeout: 15_000, interval: 100 };

/**
 * A very large room, scaled down: the host sets the session to show highlights above 0 people,
 * so the first reader to arrive is over the threshold. The room switches to the curated stream,
 * says so, and the reader can switch to everything and back.
 */
describe('a room above its highlights threshold', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    // Counters every 100 ms instead of 5 s: the room learns how many people are here at once.
    liveRuntime(server.ctx).counters.intervalMs = 100;
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, height: number, colorScheme: 'light' | 'dark'): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width, height }, colorScheme });
    contexts.push(context);
    return context.newPage();
  }

  it('shows highlights, says how many people are here, and lets the reader show everything', async () => {
    const host = await registerUser(server.url);
    const [ann, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    const tag = `big${Math.random().toString(36).slice(2, 8)}`;
    const chat = await host.api.post('/api/v1/chats', { hashtag: tag, title: 'Town hall', time_zone: 'UTC' });
    const now = Date.now();
    const session = await host.api.post(`/api/v1/chats/${chat.body.id}/sessions`, {
      starts_at: new Date(now + 60 * 60_000).toISOString(),
      ends_at: new Date(now + 120 * 60_000).toISOString(),
    });
    const sessionId = session.body.id as string;
    expect(
      (await host.api.request('PATCH', `/api/v1/sessions/${sessionId}`, { curated_threshold: 0 })).status,
    ).toBe(200);
    expect((await host.api.post(`/api/v1/sessions/${sessionId}/start`)).status).toBe(200);

    const page = await open(390, 844, 'dark');
    await page.goto(`${server.url}/tags/${tag}`);
    const bar = page.locator('.highlights-bar');
    await expect
      .poll(() => bar.textContent(), POLL)
      .toBe('Showing highlights — 1 person here · Show everything');
    await page.getByRole('status').filter({ hasText: 'Showing highlights' }).waitFor();
    await waitForLive(page);
    // Every part of the room (column, live state, town hall) shares the curated stream: the
    // full one is not held open behind the reader's back.
    await expect.poll(() => server.ctx.hub.readersOn(curatedTopic(sessionId)), POLL).toBe(1);
    await expect.poll(() => server.ctx.hub.readersOn(sessionTopic(sessionId)), POLL).toBe(0);

    // Ann's first status is the sample's; her second is not (she had the last sample); Bob's
    // statuses wait for the next slot; the host's always reach the highlights.
    const post = async (who: typeof ann, text: string) =>
      expect((await who.api.post('/api/v1/statuses', { status: `${text} #${tag}` })).status).toBe(200);
    await post(ann, 'ann first');
    await post(ann, 'ann again');
    await post(host, 'welcome from the host');
    await expect
      .poll(() => roomTexts(page), POLL)
      .toEqual([`welcome from the host #${tag}`, `ann first #${tag}`]);

    // Everything, on request: the full room, and the full stream from then on.
    await page.getByRole('button', { name: 'Show everything' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing everything' }).waitFor();
    expect(await bar.textContent()).toMatch(
      /^Showing everything — (1 person|\d+ people) here · Show highlights$/,
    );
    await expect
      .poll(() => roomTexts(page), POLL)
      .toEqual([`welcome from the host #${tag}`, `ann again #${tag}`, `ann first #${tag}`]);
    await waitForLive(page);
    await expect.poll(() => server.ctx.hub.readersOn(sessionTopic(sessionId)), POLL).toBe(1);
    await expect.poll(() => server.ctx.hub.readersOn(curatedTopic(sessionId)), POLL).toBe(0);
    await post(bob, 'bob joins in');
    await expect.poll(async () => (await roomTexts(page))[0], POLL).toBe(`bob joins in #${tag}`);

    // And back to the highlights, with the keyboard.
    const back = page.getByRole('button', { name: 'Show highlights' });
    await back.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Showing highlights' }).waitFor();
    // Bob's may or may not be the next slot's sample; Ann's second is never a highlight.
    await expect.poll(() => roomTexts(page), POLL).not.toContain(`ann again #${tag}`);
    expect(await roomTexts(page)).toEqual(
      expect.arrayContaining([`welcome from the host #${tag}`, `ann first #${tag}`]),
    );

    // A second reader, on a desktop in the light theme: two people here now.
    const desk = await open(1440, 900, 'light');
    await desk.goto(`${server.url}/tags/${tag}`);
    // The count goes out at the next numbers tick (every 5 s) at the latest: allow a busy one.
    await expect
      .poll(() => desk.locator('.highlights-bar').textContent(), { ...POLL, timeout: 25_000 })
      .toBe('Showing highlights — 2 people here · Show everything');
    expect(await seriousViolations(desk)).toEqual([]);
  });

  it('is set by a host in the console', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const host = await signUpThroughUi(context, server.url, 'host_c', '/chats');
    const tag = `set${Math.random().toString(36).slice(2, 8)}`;
    const chat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag: tag,
      title: 'Console',
      time_zone: 'UTC',
    });
    const now = Date.now();
    const session = await apiFrom<{ id: string }>(host, 'POST', `/api/v1/chats/${chat.id}/sessions`, {
      starts_at: new Date(now + 60 * 60_000).toISOString(),
      ends_at: new Date(now + 120 * 60_000).toISOString(),
    });
    await host.goto(`${server.url}/sessions/${session.id}/console`);
    const field = host.getByLabel('Show highlights above this many people');
    await field.fill('5000');
    await host.getByRole('region', { name: 'Highlights' }).getByRole('button', { name: 'Save' }).click();
    await host.getByText('The room shows highlights above 5000 people.').waitFor();
    const read = await apiFrom<{ curated_threshold: number | null }>(
      host,
      'GET',
      `/api/v1/sessions/${session.id}`,
    );
    expect(read.curated_threshold).toBe(5000);
    await field.fill('');
    await host.getByRole('region', { name: 'Highlights' }).getByRole('button', { name: 'Save' }).click();
    await host.getByText('The room always shows everything.').waitFor();
    expect(
      (await apiFrom<{ curated_threshold: number | null }>(host, 'GET', `/api/v1/sessions/${session.id}`))
        .curated_threshold,
    ).toBeNull();
  });
});
