import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import {
  assertWebBuilt,
  launchChromium,
  postInRoom,
  signUpThroughUi,
  statusArticle,
  waitForLive,
} from './support/browser';

const POLL = { timeout: 10_000, interval: 100 };

describe('the room in a browser', () => {
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
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    contexts.push(context);
    return context;
  }

  it('shows a status posted by another user live, with the room hashtag appended', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_a', '/tags/xyz');
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_a', '/tags/xyz');
    await waitForLive(bob);
    // A marker that a reload would wipe out.
    await bob.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });

    const posted = await postInRoom(alice, 'xyz', 'Hello room, no tag typed');

    const article = statusArticle(bob, 'Hello room, no tag typed');
    await article.waitFor();
    const text = (await article.locator('.status-content').textContent())?.trim();
    expect(text).toBe('Hello room, no tag typed #xyz');
    expect(posted.content).toContain('xyz');
    expect(await bob.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // The poster's own composer is empty again and still has focus.
    await expect.poll(() => alice.getByLabel('Post to #xyz').inputValue(), POLL).toBe('');
    expect(await alice.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('holds new statuses behind the "N new posts" bar while paused', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_b', '/tags/pausing');
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_b', '/tags/pausing');
    await waitForLive(bob);
    await bob.getByRole('button', { name: 'Pause', exact: true }).click();
    await bob.getByRole('button', { name: 'Resume', exact: true }).waitFor();

    await postInRoom(alice, 'pausing', 'First while paused');
    await postInRoom(alice, 'pausing', 'Second while paused');

    const bar = bob.getByRole('button', { name: '2 new posts', exact: true });
    await bar.waitFor();
    expect(await statusArticle(bob, 'while paused').count()).toBe(0);

    await bar.click();
    await expect.poll(() => statusArticle(bob, 'while paused').allInnerTexts(), POLL).toHaveLength(2);
    const texts = await bob.getByRole('list', { name: 'Statuses' }).getByRole('article').allInnerTexts();
    expect(texts[0]).toContain('Second while paused');
    expect(texts[1]).toContain('First while paused');
    expect(await bar.count()).toBe(0);
  });

  it('prefills a reply with the mention and posts it as a reply in the room', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_c', '/tags/replies');
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_c', '/tags/replies');
    await waitForLive(bob);
    const original = await postInRoom(alice, 'replies', 'Question for the room');

    const article = statusArticle(bob, 'Question for the room');
    await article.getByRole('button', { name: /^Reply/ }).click();
    const box = bob.getByLabel('Reply to @alice_c');
    expect(await box.inputValue()).toBe('@alice_c ');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement), POLL).toBe(true);

    await box.press('End');
    await box.pressSequentially('my answer');
    const request = bob.waitForRequest((r) => r.url().endsWith('/api/v1/statuses') && r.method() === 'POST');
    await bob.getByRole('button', { name: 'Post reply', exact: true }).click();
    const body = JSON.parse((await request).postData() ?? '{}');
    expect(body).toMatchObject({ status: '@alice_c my answer #replies', in_reply_to_id: original.id });
  });

  it('moves between statuses with j / k and likes the focused one with l', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_e', '/tags/keys');
    await postInRoom(alice, 'keys', 'Older status');
    const newer = await postInRoom(alice, 'keys', 'Newer status');
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_e', '/tags/keys');
    const articles = bob.getByRole('list', { name: 'Statuses' }).getByRole('article');
    await expect.poll(() => articles.count(), POLL).toBe(2);
    const focusedText = () =>
      bob.evaluate(() => document.activeElement?.closest('article')?.textContent ?? '');

    await bob.keyboard.press('j');
    await expect.poll(focusedText, POLL).toContain('Newer status');
    await bob.keyboard.press('j');
    await expect.poll(focusedText, POLL).toContain('Older status');
    await bob.keyboard.press('k');
    await expect.poll(focusedText, POLL).toContain('Newer status');

    const liked = bob.waitForResponse((r) => r.url().endsWith(`/api/v1/statuses/${newer.id}/favourite`));
    await bob.keyboard.press('l');
    expect((await liked).status()).toBe(200);
    const like = statusArticle(bob, 'Newer status').getByRole('button', { name: /^Like/ });
    await expect.poll(() => like.getAttribute('aria-pressed'), POLL).toBe('true');
    expect(await like.textContent()).toContain('1');
  });

  it('lets a signed-out reader follow the room live', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_d', '/tags/open');
    const reader = await (await newContext()).newPage();
    await reader.goto(`${server.url}/tags/open`);
    await reader.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(await reader.getByLabel('Post to #open').count()).toBe(0);
    await waitForLive(reader);

    await postInRoom(alice, 'open', 'Readable without an account');

    await statusArticle(reader, 'Readable without an account').waitFor();
  });
});
