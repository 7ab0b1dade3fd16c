import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, PASSWORD, waitForLive } from './support/browser';
import { type LiveRoomSeed, seedLiveRoom } from './support/seed-live-room';

describe('an ended session in a browser', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let seed: LiveRoomSeed;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    seed = await seedLiveRoom(server.url);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function openPage(path: string, username?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    if (username) {
      const response = await context.request.post(`${server.url}/api/v1/auth/sign_in`, {
        data: { login: username, password: PASSWORD },
      });
      expect(response.status()).toBe(200);
    }
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('the console of a session not started yet shows its own room, not the last session’s statuses to spotlight', async () => {
    const next = await seed.host.api.request('POST', `/api/v1/chats/${seed.chatId}/sessions`, {
      title: 'Pricing for humans',
      starts_at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      duration_minutes: 60,
    });
    expect(next.status).toBe(200);
    const nextId = (next.body as { id: string }).id;
    const console = await openPage(`/sessions/${nextId}/console`, seed.host.username);
    await console.getByRole('heading', { level: 1, name: /Not started/ }).waitFor();
    const room = console.getByRole('region', { name: 'Room' });
    await room.getByText('Nobody has posted yet.').waitFor();
    // The live session's statuses are on the hashtag, but not in this session's room.
    expect(await room.getByRole('article').count()).toBe(0);
    expect(await console.getByText('Maya here').count()).toBe(0);
    expect(await console.getByRole('button', { name: 'Spotlight' }).count()).toBe(0);
  });

  it('says Ended everywhere once the host ends it: console and room, with recap and transcript', async () => {
    const room = await openPage(`/tags/${seed.tag}`);
    const banner = room.getByRole('region', { name: 'Current question' });
    await banner.getByText('Q2', { exact: true }).waitFor();
    await waitForLive(room);

    const console = await openPage(`/sessions/${seed.sessionId}/console`, seed.host.username);
    await console.getByRole('button', { name: 'Next: Q3' }).waitFor();
    await console.getByRole('button', { name: 'End session' }).click();

    // The console: Ended, no Next, no question banner, no waiting list, the record linked.
    await console.getByRole('heading', { level: 1, name: /Ended/ }).waitFor();
    const ended = console.getByRole('region', { name: 'Session state' });
    await ended.getByText('This session has ended').waitFor();
    expect(await console.getByRole('button', { name: /^Next/ }).count()).toBe(0);
    expect(await console.getByText('Start the session to publish').count()).toBe(0);
    expect(await console.getByRole('region', { name: 'Current question' }).count()).toBe(0);
    expect(await console.getByRole('heading', { name: 'Waiting for a reply' }).count()).toBe(0);
    expect(await ended.getByRole('link', { name: 'Recap' }).getAttribute('href')).toBe(
      `/sessions/${seed.sessionId}/recap`,
    );
    expect(await ended.getByRole('link', { name: 'Transcript' }).getAttribute('href')).toBe(
      `/sessions/${seed.sessionId}`,
    );

    // The room, told by its stream: Ended in the strip, no Q2 banner, no green Live dot.
    const strip = room.getByRole('region', { name: "This room's chat" });
    await strip.getByText('Ended', { exact: true }).waitFor();
    expect(await strip.locator('.state-live').count()).toBe(0);
    await room
      .getByRole('region', { name: 'Session state' })
      .getByRole('link', { name: 'Transcript' })
      .waitFor();
    expect(await room.getByRole('region', { name: 'Current question' }).count()).toBe(0);
    expect(await room.locator('.stream-state').textContent()).not.toContain('Live');
    expect(await strip.getByRole('link', { name: 'Recap' }).getAttribute('href')).toBe(
      `/sessions/${seed.sessionId}/recap`,
    );

    // Reloaded, both still say so.
    await room.reload();
    await room.getByRole('region', { name: 'Session state' }).getByText('This session has ended').waitFor();
    expect(await room.getByRole('region', { name: 'Current question' }).count()).toBe(0);
  });
});
