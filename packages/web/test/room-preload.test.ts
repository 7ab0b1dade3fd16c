import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, statusArticle } from './support/browser';
import { type LiveRoomSeed, seedLiveRoom } from './support/seed-live-room';

// A room read by someone not signed in carries its first API answers in its HTML (server
// routes/web/preload.ts, web api/preload.ts): it shows without waiting for requests.
describe('a room whose first answers come with its HTML', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let seed: LiveRoomSeed;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    seed = await seedLiveRoom(server.url, 'PreloadChat');
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    return context.newPage();
  }

  /** The API requests a page sends: its own, and the streams it opens. */
  function apiRequests(page: Page): { own: string[]; streams: string[] } {
    const seen = { own: [] as string[], streams: [] as string[] };
    page.on('request', (r) => {
      const path = r.url().replace(server.url, '');
      if (path.startsWith('/api/v1/streaming')) seen.streams.push(path);
      else if (path.startsWith('/api/')) seen.own.push(path);
    });
    return seen;
  }

  it('shows the room with no API request of its own, and its streams open from the moment the answers were read', async () => {
    const page = await newPage();
    const requests = apiRequests(page);
    await page.goto(`${server.url}/tags/${seed.tag}`);
    await page.locator('main article').first().waitFor();
    expect(requests.own).toEqual([]);
    await expect.poll(() => requests.streams.length).toBe(2);
    expect(requests.streams.sort()).toEqual([
      expect.stringMatching(
        new RegExp(`^/api/v1/streaming/chat\\?chat_id=${seed.chatId}&last_event_id=\\d+$`),
      ),
      expect.stringMatching(
        new RegExp(`^/api/v1/streaming/chat\\?session_id=${seed.sessionId}&last_event_id=\\d+$`),
      ),
    ]);
  });

  it('misses nothing posted between the HTML and the streams', async () => {
    const page = await newPage();
    // Hold the app's script until a status has been posted after the HTML was sent.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/assets/*.js', async (route) => {
      await held;
      await route.continue();
    });
    const html = page.waitForResponse((r) => r.url().endsWith(`/tags/${seed.tag}`));
    const navigation = page.goto(`${server.url}/tags/${seed.tag}`);
    // The whole page, answers included (its head goes out before they are read).
    await (await html).finished();
    const res = await seed.people.sam.api.post('/api/v1/statuses', {
      status: `A2 posted while the page was loading #${seed.tag}`,
    });
    expect(res.status).toBe(200);
    release();
    await navigation;
    await statusArticle(page, 'posted while the page was loading').waitFor({ timeout: 15_000 });
  });

  it('cannot be broken out of by what a status says', async () => {
    const text = `</script><script>window.__pwned = 1</script><!-- #${seed.tag}`;
    expect((await seed.people.leo.api.post('/api/v1/statuses', { status: text })).status).toBe(200);
    const page = await newPage();
    await page.goto(`${server.url}/tags/${seed.tag}`);
    await statusArticle(page, 'window.__pwned').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const body = await (await fetch(`${server.url}/tags/${seed.tag}`)).text();
    expect(body.match(/<\/script>/g)?.length).toBe(body.match(/<script/g)?.length);
    expect(body).not.toContain('window.__pwned = 1</script>');
  });

  it('is sent compressed when the reader accepts it, with the page’s security headers', async () => {
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${server.url}/tags/${seed.tag}`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const page = await res.text();
      expect(page).toContain('id="hashchat-preload"');
      expect(page.trimEnd().endsWith('</html>')).toBe(true);
    }
    const plain = await fetch(`${server.url}/tags/${seed.tag}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('id="hashchat-preload"');
  });

  it('is left out for a signed-in reader (their answers differ) and on other pages', async () => {
    const anonymous = await (await fetch(`${server.url}/tags/${seed.tag}`)).text();
    expect(anonymous).toContain('id="hashchat-preload"');
    const withCookie = await (
      await fetch(`${server.url}/tags/${seed.tag}`, { headers: { cookie: 'hc_session=someone' } })
    ).text();
    expect(withCookie).not.toContain('hashchat-preload');
    expect(await (await fetch(`${server.url}/chats`)).text()).not.toContain('hashchat-preload');
  });
});
