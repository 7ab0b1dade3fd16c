import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../server/test/support/client';
import { startTestServer } from '../../server/test/support/test-server';
import {
  assertWebBuilt,
  launchChromium,
  signUpThroughUi,
  statusArticle,
  waitForLive,
} from './support/browser';

describe('images in the composer and the room', () => {
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

  it('posts a picked image with its alt text, and the room shows it sized and lazy-loaded', async () => {
    const alice = await signUpThroughUi(await newContext(), server.url, 'alice_pic', '/tags/pics');
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_pic', '/tags/pics');
    await waitForLive(bob);
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();

    await alice.getByLabel('Post to #pics').fill('Look at this');
    await alice.locator('form.composer input[type=file]').setInputFiles({
      name: 'square.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await alice.getByLabel('Alt text for image 1').fill('A blue rectangle');
    const post = alice.getByRole('button', { name: 'Post', exact: true });
    // Posting waits for the upload to be processed.
    await expect.poll(() => post.isEnabled(), { timeout: 15_000, interval: 100 }).toBe(true);
    const response = alice.waitForResponse(
      (r) => r.url().endsWith('/api/v1/statuses') && r.request().method() === 'POST',
    );
    await post.click();
    const posted = await (await response).json();
    expect(posted.media_attachments).toMatchObject([{ description: 'A blue rectangle' }]);
    // The composer is empty again: no image left behind.
    await expect.poll(() => alice.locator('.composer-attachment').count()).toBe(0);

    const image = statusArticle(bob, 'Look at this').getByRole('img', { name: 'A blue rectangle' });
    await image.waitFor();
    expect(await image.getAttribute('loading')).toBe('lazy');
    expect(await image.getAttribute('width')).toBe('400');
    expect(await image.getAttribute('height')).toBe('300');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  });

  it('hides the images of a sensitive status behind their blurhash until asked', async () => {
    const bob = await signUpThroughUi(await newContext(), server.url, 'bob_nsfw', '/tags/nsfwpics');
    await waitForLive(bob);
    const alice = await registerUser(server.url);
    const form = new FormData();
    const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    form.append('file', new Blob([new Uint8Array(png)]), 'red.png');
    form.append('description', 'A red rectangle');
    const media = await alice.api.post('/api/v1/media', form);
    expect(media.status).toBe(200);
    const posted = await alice.api.post('/api/v1/statuses', {
      status: 'Careful #nsfwpics',
      sensitive: true,
      media_ids: [media.body.id],
    });
    expect(posted.status).toBe(200);

    const article = statusArticle(bob, 'Careful');
    const cover = article.getByRole('button', { name: 'Sensitive content: show image' });
    await cover.waitFor();
    // The cover is painted in the image's colours (red), without the image.
    const pixel = await article
      .locator('canvas.status-media-blur')
      .evaluate((c: HTMLCanvasElement) => [...c.getContext('2d')!.getImageData(16, 16, 1, 1).data]);
    expect(pixel[0]).toBeGreaterThan(150);
    expect(pixel[1]).toBeLessThan(100);
    expect(await article.getByRole('img', { name: 'A red rectangle' }).count()).toBe(0);
    await cover.click();
    await article.getByRole('img', { name: 'A red rectangle' }).waitFor();
  });
});
