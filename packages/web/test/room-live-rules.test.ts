import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import {
  assertWebBuilt,
  launchChromium,
  postInRoom,
  replyTo,
  signUpThroughUi,
  statusArticle,
  waitForLive,
} from './support/browser';
import { type LiveRoomSeed, seedLiveRoom } from './support/seed-live-room';

const DESKTOP = { width: 1440, height: 900 };
const POLL = { timeout: 15_000, interval: 100 };

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Issue 19, the live room: the reply-vs-answer rule, own badges, guest badges, people, the new-posts bar. */
describe('the live room in a browser: who answered, who is here, and what arrives', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let seed: LiveRoomSeed;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    seed = await seedLiveRoom(server.url);
  });

  // Each test's readers leave with it, so the next counts only its own.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function reader(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    contexts.push(context);
    const page = await signUpThroughUi(context, server.url, username, `/tags/${seed.tag}`);
    await waitForLive(page);
    return page;
  }

  /** Waits for a status to show in the room, letting in what waits behind the "N new posts" bar. */
  async function arrives(page: Page, text: string): Promise<void> {
    await expect
      .poll(async () => {
        // From the top of the room (scrolled down, the bar stuck under the pinned question can
        // be covered by it, and one click would wait out the whole poll).
        await page.evaluate(() => window.scrollTo(0, 0));
        const bar = page.locator('.new-posts-button');
        if (await bar.isVisible()) await bar.click({ timeout: 2000 }).catch(() => {});
        return statusArticle(page, text).count();
      }, POLL)
      .toBeGreaterThan(0);
  }

  const answerBadge = (page: Page, text: string) => statusArticle(page, text).locator('.kind-answer');
  const answersOf = (page: Page, n: number) =>
    page.getByRole('region', { name: `Question ${n}` }).locator('.question-card-bar .muted');

  it('a reply to an answer is a comment in its thread: no A badge and no new answer, unless it says "A2"', async () => {
    const page = await reader('replier');
    expect(await answersOf(page, 2).textContent()).toBe('3 answers');
    const omar = statusArticle(page, 'Say no to custom one-off orders');
    await replyTo(page, omar, seed.people.coHost.username, ' Same here, weeks gone');
    await arrives(page, 'Same here, weeks gone');
    // The host's "Love this" to the same answer, from another session of the room.
    const love = await seed.host.api.post('/api/v1/statuses', {
      status: 'Love this, thank you!',
      in_reply_to_id: (await omar.getAttribute('data-status-id')) ?? '',
    });
    expect(love.status).toBe(200);
    await arrives(page, 'Love this, thank you!');
    await replyTo(page, omar, seed.people.coHost.username, ' A2 Same, and say it kindly');
    await arrives(page, 'Same, and say it kindly');

    await expect.poll(() => answersOf(page, 2).textContent(), POLL).toBe('4 answers');
    expect(await answerBadge(page, 'Same, and say it kindly').textContent()).toBe('A2Answer to question 2');
    expect(await answerBadge(page, 'Same here, weeks gone').count()).toBe(0);
    expect(await answerBadge(page, 'Love this, thank you!').count()).toBe(0);
    // The same after a reload: what the server stored, not what the page guessed.
    await page.reload();
    await waitForLive(page);
    await expect.poll(() => answersOf(page, 2).textContent(), POLL).toBe('4 answers');
    expect(await answerBadge(page, 'Love this, thank you!').count()).toBe(0);
    expect(await answerBadge(page, 'Same here, weeks gone').count()).toBe(0);
  });

  it("a participant's own new answer wears its A2 badge at once, before and without the stream's copy", async () => {
    const page = await reader('answerer');
    // With the room's stream cut from the start, only the page's own judgement can badge it.
    await page.context().route('**/api/v1/streaming/**', (route) => route.abort());
    await page.reload();
    await statusArticle(page, 'Say no to custom one-off orders').waitFor();
    expect(await page.locator('.stream-live').count()).toBe(0);
    await postInRoom(page, seed.tag, 'A2 Write down every price I quote');
    const mine = statusArticle(page, 'Write down every price I quote');
    await mine.waitFor();
    expect(await mine.locator('.kind-answer').textContent()).toBe('A2Answer to question 2');

    // Live: the badge stays when the stream's copy arrives, whichever comes first.
    const live = await reader('answerer2');
    await postInRoom(live, seed.tag, 'A2 Track the hours, not just the money');
    await expect
      .poll(() => answerBadge(live, 'Track the hours').textContent(), POLL)
      .toBe('A2Answer to question 2');
    await live.reload();
    await waitForLive(live);
    expect(await answerBadge(live, 'Track the hours').textContent()).toBe('A2Answer to question 2');
  });

  it("a guest's badge is their title, the same in the chat's line and on their posts", async () => {
    const page = await reader('badgereader');
    const strip = page.getByRole('region', { name: "This room's chat" });
    const priya = strip.getByRole('listitem').filter({ hasText: 'Priya Raman' });
    expect(await priya.locator('.role-badge').textContent()).toBe('Growth coach');
    const post = statusArticle(page, 'For most founders I work with');
    await post.waitFor();
    expect(await post.locator('.role-badge').textContent()).toBe('Growth coach');
    expect(await page.locator('main .role-badge', { hasText: /^Guest$/ }).count()).toBe(0);
  });

  it('"People in the room" counts the readers who have it open', async () => {
    const first = await reader('present1');
    const second = await reader('present2');
    const people = (page: Page) =>
      page.locator('.live-numbers div').filter({ hasText: 'People in the room' }).locator('dd').textContent();
    await expect.poll(() => people(first), POLL).toBe('2');
    await expect.poll(() => people(second), POLL).toBe('2');
    await second.context().close();
    await expect.poll(() => people(first), POLL).toBe('1');
  });

  it('the "N new posts" bar covers no status, at the top of the room or scrolled down', async () => {
    const page = await reader('barreader');
    const statuses = page.getByRole('list', { name: 'Statuses' }).first().getByRole('article');
    const bar = page.locator('.new-posts-button');
    const banner = page.getByRole('region', { name: 'Current question' });
    const coversNothing = async () => {
      const pill = await bar.boundingBox();
      expect(pill).not.toBeNull();
      const boxes = await statuses.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      expect(boxes.filter((b) => overlaps(pill!, b))).toEqual([]);
      expect(overlaps(pill!, (await banner.boundingBox())!)).toBe(false);
    };

    // At the top, paused: the bar takes its own row above the statuses.
    await page.getByRole('button', { name: 'Pause' }).click();
    const post = (text: string) =>
      seed.people.sam.api.post('/api/v1/statuses', { status: `${text} #${seed.tag}` });
    expect((await post('Hello from the back row')).status).toBe(200);
    await bar.waitFor(POLL);
    expect(await bar.textContent()).toMatch(/1 new post/);
    await coversNothing();
    await page.getByRole('button', { name: 'Resume' }).click();
    await statusArticle(page, 'Hello from the back row').waitFor();

    // Scrolled down the room: the bar stays in sight, below the pinned question, not over it;
    // what scrolls under it is the reader's to scroll back to, and the bar takes them there.
    await page.mouse.wheel(0, 900);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
    expect((await post('Another hello from the back row')).status).toBe(200);
    await bar.waitFor(POLL);
    const pill = (await bar.boundingBox())!;
    const question = (await banner.boundingBox())!;
    expect(pill.y).toBeGreaterThanOrEqual(question.y + question.height);
    expect(pill.y + pill.height).toBeLessThanOrEqual(DESKTOP.height);
    await bar.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await statusArticle(page, 'Another hello from the back row').waitFor();
    expect(await bar.count()).toBe(0);
  });
});
