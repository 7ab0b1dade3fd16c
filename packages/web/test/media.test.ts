import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../server/test/support/client';
import { startTestServer } from '../../server/test/support/test-server';
import {
  apiFrom,
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
    await expect.poll(() => alice.locator('.composer-attachment').count(), { timeout: 15_000 }).toBe(0);

    const image = statusArticle(bob, 'Look at this').getByRole('img', { name: 'A blue rectangle' });
    await image.waitFor();
    expect(await image.getAttribute('loading')).toBe('lazy');
    expect(await image.getAttribute('width')).toBe('400');
    expect(await image.getAttribute('height')).toBe('300');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 15_000 })
      .toBe(400);
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

  it('a host attaches a slide to an agenda question; it goes out with the question, and the transcript and its HTML export show it', async () => {
    const host = await signUpThroughUi(await newContext(), server.url, 'host_slide', '/chats');
    const chat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag: 'SlideTalk',
      title: 'Slide talk',
      time_zone: 'UTC',
    });
    const session = await apiFrom<{ id: string; room_url: string }>(
      host,
      'POST',
      `/api/v1/chats/${chat.id}/sessions`,
      { starts_at: new Date(Date.now() + 30 * 60_000).toISOString(), duration_minutes: 60 },
    );
    await apiFrom(host, 'POST', `/api/v1/sessions/${session.id}/start`, {});
    const bob = await signUpThroughUi(
      await newContext(),
      server.url,
      'bob_slide',
      new URL(session.room_url).pathname,
    );
    await waitForLive(bob);

    await host.goto(`${server.url}/sessions/${session.id}/console`);
    await host.getByLabel('New question').fill('What does this slide show?');
    const slide = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#22aa55' } })
      .png()
      .toBuffer();
    await host.locator('form.question-form').last().locator('input[type=file]').setInputFiles({
      name: 'slide.png',
      mimeType: 'image/png',
      buffer: slide,
    });
    await host.getByLabel('Alt text for image 1').fill('A green slide');
    const add = host.getByRole('button', { name: 'Add to agenda' });
    // Adding waits for the upload to be processed.
    await expect.poll(() => add.isEnabled(), { timeout: 15_000, interval: 100 }).toBe(true);
    const created = host.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/sessions/${session.id}/questions`) && r.request().method() === 'POST',
    );
    await add.click();
    const question = await (await created).json();
    expect(question.media).toMatchObject({ description: 'A green slide' });
    const agenda = host.getByRole('list', { name: 'Agenda', exact: true });
    await agenda.getByRole('img', { name: 'A green slide' }).waitFor();

    await agenda.getByRole('button', { name: 'Publish now' }).click();
    // The participant sees the question go out with its slide, in the banner and the room.
    const inRoom = statusArticle(bob, 'What does this slide show?').getByRole('img', {
      name: 'A green slide',
    });
    await inRoom.waitFor();
    await expect
      .poll(() => inRoom.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 15_000 })
      .toBe(400);
    await bob.locator('.question-banner').getByRole('img', { name: 'A green slide' }).waitFor();

    // A sensitive answer, to see that the transcript keeps it covered.
    const secret: { id: string; preview_url: string } = await bob.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 30;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#cc2222';
      ctx.fillRect(0, 0, 40, 30);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      const form = new FormData();
      form.append('file', blob, 'red.png');
      form.append('description', 'A red secret');
      const res = await fetch('/api/v1/media', {
        method: 'POST',
        headers: { 'X-CSRF-Token': session.csrf_token },
        body: form,
      });
      return res.json();
    });
    await apiFrom(bob, 'POST', '/api/v1/statuses', {
      status: 'A1 look #SlideTalk',
      sensitive: true,
      media_ids: [secret.id],
    });

    // The transcript page: the slide shown with its alt text; the secret fetched only once opened.
    const reader = await (await newContext()).newPage();
    const fetched: string[] = [];
    reader.on('request', (r) => fetched.push(r.url()));
    await reader.goto(`${server.url}/sessions/${session.id}`);
    const shown = reader.locator('article.question img');
    await expect
      .poll(() => shown.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(400);
    expect(await shown.first().getAttribute('alt')).toBe('A green slide');
    await reader.getByText('Sensitive content: show image').scrollIntoViewIfNeeded();
    expect(fetched).not.toContain(secret.preview_url);
    await reader.getByText('Sensitive content: show image').click();
    const opened = reader.getByRole('img', { name: 'A red secret' });
    await expect
      .poll(() => opened.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(40);
    expect(fetched).toContain(secret.preview_url);

    // The HTML export, opened as a file would be: the slide loads from the server.
    const html = await (await fetch(`${server.url}/api/v1/sessions/${session.id}/transcript.html`)).text();
    const file = await (await newContext()).newPage();
    await file.setContent(html);
    const exported = file.getByRole('img', { name: 'A green slide' }).first();
    await exported.scrollIntoViewIfNeeded();
    await expect
      .poll(() => exported.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(400);
    expect(await file.getByRole('img', { name: 'A red secret' }).isVisible()).toBe(false);
  });
});
