import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { type DefaultTreeAdapterMap, parse as parseHtml } from 'parse5';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs/chat-jobs';
import { MEDIA_JOB } from '../src/services/media';
import { chatWithSession, room } from './live-helpers';
import { Api, registerUser } from './support/client';
import { createTestDatabase, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let alice: User;
let bob: User;

beforeAll(async () => {
  // The job runner polls once at start and then only when the test asks (runJobs).
  server = await startTestServer({ env: { JOBS_POLL_MS: '3600000' } });
  [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
});
afterAll(async () => {
  await server?.close();
});

const runJobs = () => server.ctx.scheduler!.runDue();

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366cc' } });

/** A JPEG as a phone writes it: EXIF with the camera, a GPS position and "rotate 90°" (orientation 6). */
const phoneJpeg = () =>
  solid(300, 200)
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** Whether EXIF holds a GPS block (its pointer tag, 0x8825, in either byte order). */
const hasGps = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

function form(file: Buffer | null, name = 'photo.jpg', fields: Record<string, string> = {}) {
  const f = new FormData();
  if (file) f.append('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

async function upload(api: Api, file: Buffer, fields: Record<string, string> = {}) {
  const res = await api.post('/api/v2/media', form(file, 'photo.jpg', fields));
  expect(res.status).toBe(202);
  return res.body;
}

/** Uploads and processes an image; returns its MediaAttachment. */
async function ready(api: Api, file: Buffer, fields: Record<string, string> = {}) {
  const m = await upload(api, file, fields);
  await runJobs();
  const res = await api.get(`/api/v1/media/${m.id}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** The status of a GET, its body read to the end (an unread body holds the connection, and the server's close, open). */
const statusOf = async (url: string) => {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
};

const fetchBytes = async (url: string) => {
  const res = await fetch(url);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('uploading an image', () => {
  it('answers 202 with no url, then 200 with its files once processed by the job runner', async () => {
    const photo = await phoneJpeg();
    const m = await upload(alice.api, photo, { description: 'A blue square', focus: '0.5,-0.25' });
    expect(m).toMatchObject({ type: 'image', url: null, description: 'A blue square' });
    await runJobs();
    const done = await alice.api.get(`/api/v1/media/${m.id}`);
    expect(done.status).toBe(200);
    expect(done.body.url).toMatch(new RegExp(`^${server.url}/media/[a-f0-9]{24}/original\\.jpg$`));
    expect(done.body.preview_url).toMatch(/\/small\.jpg$/);
    expect(done.body.blurhash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,}$/);
    // Turned upright: the 300×200 picture with "rotate 90°" is 200 wide, 300 high.
    expect(done.body.meta).toMatchObject({
      original: { width: 200, height: 300, size: '200x300', aspect: 0.666667 },
      small: { width: 200, height: 300 },
      focus: { x: 0.5, y: -0.25 },
    });
  });

  it('never serves the EXIF of an upload: no GPS position, no camera', async () => {
    const photo = await phoneJpeg();
    expect(hasGps((await sharp(photo).metadata()).exif)).toBe(true);
    const m = await ready(alice.api, photo);
    for (const url of [m.url, m.preview_url]) {
      const { res, bytes } = await fetchBytes(url);
      expect(res.status).toBe(200);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);
    }
  });

  it('serves files with their fixed type, sandboxed, unsniffed, cached for long and to any origin', async () => {
    const m = await ready(alice.api, await solid(50, 40).png().toBuffer());
    const { res } = await fetchBytes(m.url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toContain('max-age=31536000');
  });

  it('scales a large image to the display size and the preview size', async () => {
    const m = await ready(alice.api, await solid(4000, 1000).webp().toBuffer());
    expect(m.url).toMatch(/\.webp$/);
    expect(m.meta.original).toMatchObject({ width: 1920, height: 480 });
    expect(m.meta.small).toMatchObject({ width: 400, height: 100 });
  });

  it('keeps an animated GIF animated at both sizes, as type "image" (gifv would promise a video)', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 600, height: 450, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const gif = await sharp(await Promise.all(['#c33', '#3c3', '#33c'].map(frame)), {
      join: { animated: true },
    })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(3);
    const m = await ready(alice.api, gif);
    expect(m.type).toBe('image');
    expect(m.url).toMatch(/\/original\.gif$/);
    expect(m.preview_url).toMatch(/\/small\.gif$/);
    expect(m.meta.original).toMatchObject({ width: 600, height: 450 });
    expect(m.meta.small).toMatchObject({ width: 400, height: 300 });
    for (const url of [m.url, m.preview_url]) {
      const { res, bytes } = await fetchBytes(url);
      expect(res.headers.get('content-type')).toBe('image/gif');
      expect((await sharp(bytes).metadata()).pages).toBe(3);
    }
  });

  it('keeps the first frame of a GIF of one frame, as a PNG', async () => {
    const m = await ready(alice.api, await solid(20, 20).gif().toBuffer());
    expect(m.url).toMatch(/\/original\.png$/);
  });

  it.each([
    ['JPEG', () => solid(20, 20).jpeg().toBuffer()],
    ['PNG', () => solid(20, 20).png().toBuffer()],
    ['WebP', () => solid(20, 20).webp().toBuffer()],
    ['GIF', () => solid(20, 20).gif().toBuffer()],
  ])('accepts a %s by its bytes', async (_name, make) => {
    const m = await ready(alice.api, await make());
    expect(m.url).not.toBeNull();
  });

  it.each([
    ['a text file named .jpg', () => Buffer.from('this is not an image, whatever its name says\n')],
    [
      'an SVG named .jpg',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['a TIFF', () => solid(20, 20).tiff().toBuffer()],
    ['a truncated PNG header', async () => (await solid(20, 20).png().toBuffer()).subarray(0, 12)],
  ])('refuses %s with 422', async (_name, make) => {
    const res = await alice.api.post('/api/v2/media', form(await make()));
    expect(res.status).toBe(422);
  });

  it('refuses a decompression bomb (a small PNG of 50 megapixels) without decoding it', async () => {
    const bomb = await solid(10_000, 5_000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await alice.api.post('/api/v2/media', form(bomb));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/pixels/);
  });

  it('refuses an upload with no file, and a file in another field', async () => {
    expect((await alice.api.post('/api/v2/media', form(null, '', { description: 'x' }))).status).toBe(422);
    const f = new FormData();
    f.append('avatar', new Blob([new Uint8Array(await solid(5, 5).png().toBuffer())]), 'a.png');
    expect((await alice.api.post('/api/v2/media', f)).status).toBe(422);
  });

  it('processes at once on /api/v1/media (200)', async () => {
    const res = await alice.api.post('/api/v1/media', form(await solid(30, 30).jpeg().toBuffer()));
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/original\.jpg$/);
  });

  it('needs a signed-in user', async () => {
    const res = await new Api(server.url).post('/api/v2/media', form(await solid(5, 5).png().toBuffer()));
    expect(res.status).toBe(401);
  });
});

describe('who may see and change an upload', () => {
  it("is the uploader's alone: another account gets 404 reading, changing or attaching it", async () => {
    const m = await ready(alice.api, await solid(30, 30).png().toBuffer());
    expect((await bob.api.get(`/api/v1/media/${m.id}`)).status).toBe(404);
    expect((await bob.api.request('PUT', `/api/v1/media/${m.id}`, { description: 'mine now' })).status).toBe(
      404,
    );
    const post = await bob.api.post('/api/v1/statuses', { status: 'stolen', media_ids: [m.id] });
    expect(post.status).toBe(404);
    expect((await alice.api.get(`/api/v1/media/${m.id}`)).body.description).toBeNull();
  });

  it('lets the uploader change the alt text and focus until a status takes it', async () => {
    const m = await ready(alice.api, await solid(30, 30).png().toBuffer());
    const put = await alice.api.request('PUT', `/api/v1/media/${m.id}`, {
      description: 'Alt text',
      focus: '-1,1',
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ description: 'Alt text', meta: { focus: { x: -1, y: 1 } } });
    expect((await alice.api.post('/api/v1/statuses', { status: 'pic', media_ids: [m.id] })).status).toBe(200);
    const late = await alice.api.request('PUT', `/api/v1/media/${m.id}`, { description: 'changed' });
    expect(late.status).toBe(422);
  });
});

describe('statuses with images', () => {
  it('carries its media_attachments, in the order given, wherever the status is presented', async () => {
    const a = await ready(alice.api, await solid(40, 20).png().toBuffer(), { description: 'first' });
    const b = await ready(alice.api, await solid(20, 40).jpeg().toBuffer(), { description: 'second' });
    const res = await alice.api.post('/api/v1/statuses', {
      status: 'two #mediatest pics',
      media_ids: [b.id, a.id],
    });
    expect(res.status).toBe(200);
    const described = (s: { media_attachments: { id: string; description: string }[] }) =>
      s.media_attachments.map((m) => [m.id, m.description]);
    expect(described(res.body)).toEqual([
      [b.id, 'second'],
      [a.id, 'first'],
    ]);
    const fetched = await new Api(server.url).get(`/api/v1/statuses/${res.body.id}`);
    expect(described(fetched.body)).toEqual(described(res.body));
    expect(fetched.body.media_attachments[0].url).toBe(b.url);
    const timeline = await new Api(server.url).get('/api/v1/timelines/tag/mediatest');
    expect(described(timeline.body[0])).toEqual(described(res.body));
  });

  it('may be images alone, with no text', async () => {
    const m = await ready(alice.api, await solid(10, 10).png().toBuffer());
    const res = await alice.api.post('/api/v1/statuses', { status: '', media_ids: [m.id] });
    expect(res.status).toBe(200);
    expect(res.body.media_attachments).toHaveLength(1);
  });

  it('processes an upload the job runner has not reached yet when its uploader asks for it', async () => {
    // tsl-mastodon-api waits ten seconds after a 206 before asking again; Mastodon would have
    // answered the upload itself with the processed image.
    const m = await upload(alice.api, await solidPng(), { description: 'Asked for' });
    const res = await alice.api.get(`/api/v1/media/${m.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: m.id,
      description: 'Asked for',
      meta: { original: { width: 12, height: 12 } },
    });
    expect(await statusOf(res.body.url)).toBe(200);
    expect(await runJobs()).toBe(1);
    expect((await alice.api.get(`/api/v1/media/${m.id}`)).body).toEqual(res.body);
  });

  it('processes an upload the job runner has not reached yet when a status takes it', async () => {
    // What apps written against Mastodon do (megalodon's uploadMedia, then postStatus at once).
    const waiting = await upload(alice.api, await solidPng(), { description: 'Early' });
    expect(waiting.url).toBeNull();
    const res = await alice.api.post('/api/v1/statuses', {
      status: 'straight away',
      media_ids: [waiting.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.media_attachments[0]).toMatchObject({ id: waiting.id, description: 'Early' });
    const file = await fetch(res.body.media_attachments[0].url);
    expect(file.status).toBe(200);
    await file.arrayBuffer();
    // The job, run later, finds nothing left to do.
    await runJobs();
    expect((await alice.api.get(`/api/v1/statuses/${res.body.id}`)).body.media_attachments).toEqual(
      res.body.media_attachments,
    );
  });

  it('refuses more than 4 images and one already attached', async () => {
    const five = [];
    for (let i = 0; i < 5; i++) five.push(await ready(alice.api, await solidPng()));
    const tooMany = await alice.api.post('/api/v1/statuses', {
      status: 'x',
      media_ids: five.map((m) => m.id),
    });
    expect(tooMany.status).toBe(422);
    expect((await alice.api.post('/api/v1/statuses', { status: 'x', media_ids: [five[0].id] })).status).toBe(
      200,
    );
    expect((await alice.api.post('/api/v1/statuses', { status: 'y', media_ids: [five[0].id] })).status).toBe(
      404,
    );
  });

  it("removes a deleted status's files", async () => {
    const m = await ready(alice.api, await solidPng());
    const s = await alice.api.post('/api/v1/statuses', { status: 'soon gone', media_ids: [m.id] });
    expect(await statusOf(m.url)).toBe(200);
    expect((await alice.api.delete(`/api/v1/statuses/${s.body.id}`)).status).toBe(200);
    // The files go by a job, recorded with the deletion (see media-s3.test.ts for a restart).
    expect(await statusOf(m.url)).toBe(200);
    await runJobs();
    expect(await statusOf(m.url)).toBe(404);
    expect(await statusOf(m.preview_url)).toBe(404);
  });
});

describe("editing a status's images", () => {
  const edit = (api: Api, id: string, body: unknown) => api.request('PUT', `/api/v1/statuses/${id}`, body);
  const ids = (s: { media_attachments: { id: string }[] }) => s.media_attachments.map((m) => m.id);
  /** The last `status.update` stored for the status (what every stream is sent). */
  const lastUpdate = async (id: string) => {
    const rows = await server.ctx.store.db
      .selectFrom('events')
      .select('payload')
      .where('event', '=', 'status.update')
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    return rows.map((r) => JSON.parse(r.payload)).find((p) => p.id === id);
  };

  it('keeps, adds, reorders and removes them; the history shows each version; removed files go', async () => {
    const [a, b, c] = [
      await ready(alice.api, await solidPng(), { description: 'A' }),
      await ready(alice.api, await solidPng(), { description: 'B' }),
      await ready(alice.api, await solidPng(), { description: 'C' }),
    ];
    const s = (await alice.api.post('/api/v1/statuses', { status: 'two', media_ids: [a.id, b.id] })).body;
    const res = await edit(alice.api, s.id, {
      status: 'two, changed',
      media_ids: [c.id, a.id],
      media_attributes: [{ id: a.id, description: 'A, better', focus: '0.5,0.5' }],
    });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([c.id, a.id]);
    expect(res.body.media_attachments[1]).toMatchObject({
      description: 'A, better',
      meta: { focus: { x: 0.5, y: 0.5 } },
    });
    expect(ids((await bob.api.get(`/api/v1/statuses/${s.id}`)).body)).toEqual([c.id, a.id]);
    expect(ids(await lastUpdate(s.id))).toEqual([c.id, a.id]);
    const history = (await alice.api.get(`/api/v1/statuses/${s.id}/history`)).body;
    expect(history.map(ids)).toEqual([
      [a.id, b.id],
      [c.id, a.id],
    ]);
    expect(history[0].media_attachments[0].description).toBe('A');
    // Left out: its row goes at once, its files by the media jobs.
    expect((await alice.api.get(`/api/v1/media/${b.id}`)).status).toBe(404);
    await runJobs();
    expect(await statusOf(b.url)).toBe(404);
    expect(await statusOf(a.url)).toBe(200);
    // Without media_ids the images stay; an empty list removes them all, and the text may then not be blank.
    expect(ids((await edit(alice.api, s.id, { status: 'text only' })).body)).toEqual([c.id, a.id]);
    expect(ids((await edit(alice.api, s.id, { status: 'none', media_ids: [] })).body)).toEqual([]);
    expect((await edit(alice.api, s.id, { status: '', media_ids: [] })).status).toBe(422);
  });

  it("refuses another's upload (404), a fifth image and an unprocessable one (422), changing nothing", async () => {
    const mine = await ready(alice.api, await solidPng());
    const s = (await alice.api.post('/api/v1/statuses', { status: 'mine', media_ids: [mine.id] })).body;
    const theirs = await ready(bob.api, await solidPng());
    const taken = await ready(bob.api, await solidPng());
    await bob.api.post('/api/v1/statuses', { status: 'taken', media_ids: [taken.id] });
    const unchanged = async () => {
      const now = (await alice.api.get(`/api/v1/statuses/${s.id}`)).body;
      expect(now.content).toContain('mine');
      expect(ids(now)).toEqual([mine.id]);
      expect(now.edited_at).toBeNull();
    };
    expect((await edit(alice.api, s.id, { status: 'x', media_ids: [theirs.id] })).status).toBe(404);
    expect((await edit(alice.api, s.id, { status: 'x', media_ids: [mine.id, taken.id] })).status).toBe(404);
    await unchanged();
    expect((await alice.api.get(`/api/v1/media/${theirs.id}`)).status).toBe(404);
    expect((await bob.api.get(`/api/v1/media/${theirs.id}`)).status).toBe(200);
    const more = [];
    for (let i = 0; i < 4; i++) more.push((await ready(alice.api, await solidPng())).id);
    expect((await edit(alice.api, s.id, { status: 'x', media_ids: [mine.id, ...more] })).status).toBe(422);
    await unchanged();
    // Another's image on their own status cannot be taken by editing one's status either.
    const res = await edit(bob.api, s.id, { status: 'x', media_ids: [] });
    expect(res.status).toBe(403);
    await unchanged();
  });
});

describe('removing files', () => {
  it("removes a deleted status's files after a restart when the process stopped before it could", async () => {
    const database = await createTestDatabase();
    const onDisk = (url: string) =>
      existsSync(path.join(database.env.MEDIA_DIR, new URL(url).pathname.slice(7)));
    const first = await startTestServer({ database, env: { JOBS_POLL_MS: '3600000' } });
    const { api } = await registerUser(first.url);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await solidPng())]), 'a.png');
    const m = (await api.post('/api/v1/media', form)).body;
    const s = await api.post('/api/v1/statuses', { status: 'soon gone', media_ids: [m.id] });
    expect((await api.delete(`/api/v1/statuses/${s.body.id}`)).status).toBe(200);
    await first.close();
    expect(onDisk(m.url) && onDisk(m.preview_url)).toBe(true);
    const second = await startTestServer({ database });
    try {
      await waitFor(() => !onDisk(m.url) && !onDisk(m.preview_url), { what: 'the files removed' });
    } finally {
      await second.close();
      await database.drop();
    }
  });
});

describe('images in a chat session', () => {
  it('show in the room and in the JSON transcript export', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    const m = await ready(host.api, await solidPng(), { description: 'A slide' });
    const posted = await host.api.post('/api/v1/statuses', {
      status: `Q1 What is this? #${hashtag}`,
      media_ids: [m.id],
    });
    expect(posted.status).toBe(200);
    const inRoom = (await room(new Api(server.url), sessionId)).find((s) => s.id === posted.body.id);
    expect(inRoom.media_attachments).toMatchObject([{ id: m.id, description: 'A slide', url: m.url }]);
    const exported = await new Api(server.url).get(`/api/v1/sessions/${sessionId}/transcript.json`);
    expect(exported.status).toBe(200);
    const inTranscript = exported.body.statuses.find((s: { id: string }) => s.id === posted.body.id);
    expect(inTranscript.media_attachments).toMatchObject([{ id: m.id, description: 'A slide', url: m.url }]);
  });
});

describe('an agenda question with an image (the slide)', () => {
  it('is published with the image, whichever host uploaded it', async () => {
    const { host, chatId, sessionId, hashtag } = await chatWithSession(server, { live: true });
    const co = await registerUser(server.url);
    expect((await host.api.post(`/api/v1/chats/${chatId}/co_hosts`, { account_id: co.id })).status).toBe(200);
    const slide = await ready(co.api, await solidPng(), { description: 'The slide' });
    const created = await co.api.post(`/api/v1/sessions/${sessionId}/questions`, {
      text: 'What does this slide say?',
      media_id: slide.id,
    });
    expect(created.status).toBe(200);
    expect(created.body.media).toMatchObject({ id: slide.id, description: 'The slide', url: slide.url });
    // The owner publishes the co-host's item: the image is the question's, not the uploader's.
    const published = await host.api.post(`/api/v1/questions/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status.media_attachments).toMatchObject([
      { id: slide.id, description: 'The slide' },
    ]);
    expect(published.body.status.content).toContain('What does this slide say?');
    const inRoom = (await room(new Api(server.url), sessionId)).find(
      (s) => s.id === published.body.status.id,
    );
    expect(inRoom.media_attachments).toMatchObject([{ id: slide.id }]);
    expect(inRoom.tags.map((t: { name: string }) => t.name)).toContain(hashtag);
    const listed = await new Api(server.url).get(`/api/v1/sessions/${sessionId}/questions`);
    expect(listed.body.find((q: { id: string }) => q.id === created.body.id).media).toMatchObject({
      id: slide.id,
    });
  });

  it("takes only the host's own free upload: another's is 404, a taken or unprocessed one 422, nothing written", async () => {
    const { host, sessionId } = await chatWithSession(server, { live: true });
    const ask = (media_id: string) =>
      host.api.post(`/api/v1/sessions/${sessionId}/questions`, { text: 'With a picture?', media_id });
    const agendaLength = async () =>
      (await host.api.get(`/api/v1/sessions/${sessionId}/questions`)).body.length;

    const bobs = await ready(bob.api, await solidPng());
    expect((await ask(bobs.id)).status).toBe(404);
    const onStatus = await ready(host.api, await solidPng());
    await host.api.post('/api/v1/statuses', { status: 'taken', media_ids: [onStatus.id] });
    expect((await ask(onStatus.id)).status).toBe(422);
    const waiting = await upload(host.api, await solidPng());
    expect((await ask(waiting.id)).status).toBe(422);
    await runJobs();
    expect(await agendaLength()).toBe(0);

    // Held by one item, an upload is neither another item's nor a status's.
    const held = await ready(host.api, await solidPng());
    const first = await ask(held.id);
    expect(first.status).toBe(200);
    expect((await ask(held.id)).status).toBe(422);
    expect((await host.api.post('/api/v1/statuses', { status: 'mine?', media_ids: [held.id] })).status).toBe(
      404,
    );
    // Changing the item's image lets the old one go; a PATCH with someone else's is refused.
    expect((await host.api.patch(`/api/v1/questions/${first.body.id}`, { media_id: bobs.id })).status).toBe(
      404,
    );
    const other = await ready(host.api, await solidPng());
    const changed = await host.api.patch(`/api/v1/questions/${first.body.id}`, { media_id: other.id });
    expect(changed.body.media).toMatchObject({ id: other.id });
    expect(
      (await host.api.post('/api/v1/statuses', { status: 'free again', media_ids: [held.id] })).status,
    ).toBe(200);
    const cleared = await host.api.patch(`/api/v1/questions/${first.body.id}`, { media_id: null });
    expect(cleared.body.media).toBeNull();
  });

  it('is not swept while its question holds it, and is once the question is deleted', async () => {
    const { host, sessionId } = await chatWithSession(server);
    const sweep = () => jobHandlers(server.ctx)[MEDIA_JOB.sweep]({} as never, {});
    const slide = await ready(host.api, await solidPng());
    const q = await host.api.post(`/api/v1/sessions/${sessionId}/questions`, {
      text: 'Later',
      media_id: slide.id,
    });
    await server.ctx.store.db
      .updateTable('media_attachments')
      .set({ created_at: Date.now() - 25 * 60 * 60 * 1000 })
      .where('id', '=', Number(slide.id))
      .execute();
    await sweep();
    expect(await statusOf(slide.url)).toBe(200);
    expect((await host.api.delete(`/api/v1/questions/${q.body.id}`)).status).toBe(200);
    await sweep();
    await runJobs();
    expect(await statusOf(slide.url)).toBe(404);
  });
});

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
function* elements(n: Node): Generator<Element> {
  if ('tagName' in n) yield n;
  for (const c of 'childNodes' in n ? n.childNodes : []) yield* elements(c as Node);
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value ?? null;
const imgsIn = (root: Node) => [...elements(root)].filter((e) => e.tagName === 'img');
const article = (root: Node, statusId: string) =>
  [...elements(root)].find((e) => e.tagName === 'article' && attr(e, 'data-status-id') === statusId)!;
/** The nearest `<details>` holding `target`, if any. */
function detailsAround(root: Node, target: Element): Element | null {
  const found = [...elements(root)].filter(
    (e) => e.tagName === 'details' && [...elements(e)].includes(target),
  );
  return found.at(-1) ?? null;
}

describe('images in the transcript page and its exports', () => {
  // Alt text with everything HTML and Markdown would read as markup.
  const alt = 'A "slide" <b>&</b> [x](y)\nsecond line';
  let q1: { id: string };
  let plain: { id: string };
  let covered: { id: string };
  let slide: {
    id: string;
    url: string;
    preview_url: string;
    meta: { small: { width: number; height: number } };
  };
  let secret: { id: string; url: string; preview_url: string };
  let sessionId: string;

  beforeAll(async () => {
    const chat = await chatWithSession(server, { live: true });
    sessionId = chat.sessionId;
    slide = await ready(chat.host.api, await solid(300, 200).png().toBuffer(), { description: alt });
    q1 = (
      await chat.host.api.post('/api/v1/statuses', {
        status: `Q1 What is this? #${chat.hashtag}`,
        media_ids: [slide.id],
      })
    ).body;
    const dish = await ready(bob.api, await solidPng(), { description: 'A dish' });
    plain = (
      await bob.api.post('/api/v1/statuses', { status: `A1 a dish #${chat.hashtag}`, media_ids: [dish.id] })
    ).body;
    secret = await ready(alice.api, await solidPng(), { description: 'Something to hide' });
    covered = (
      await alice.api.post('/api/v1/statuses', {
        status: `A1 careful #${chat.hashtag}`,
        sensitive: true,
        media_ids: [secret.id],
      })
    ).body;
    // Liked, both answers are the recap's top answers.
    for (const s of [plain, covered])
      expect((await chat.host.api.post(`/api/v1/statuses/${s.id}/favourite`)).status).toBe(200);
  });

  const pages = () => [
    { name: 'the transcript page', path: `/sessions/${sessionId}` },
    { name: 'the HTML export', path: `/api/v1/sessions/${sessionId}/transcript.html` },
  ];

  it.each(['the transcript page', 'the HTML export'])(
    '%s shows images with their alt text, sized, lazy-loaded',
    async (name) => {
      const page = pages().find((p) => p.name === name)!;
      const res = await fetch(`${server.url}${page.path}`);
      expect(res.status).toBe(200);
      const doc = parseHtml(await res.text());
      const [img] = imgsIn(article(doc, q1.id));
      expect(attr(img, 'src')).toBe(slide.preview_url);
      expect(attr(img, 'alt')).toBe(alt);
      expect(attr(img, 'width')).toBe(String(slide.meta.small.width));
      expect(attr(img, 'height')).toBe(String(slide.meta.small.height));
      expect(attr(img, 'loading')).toBe('lazy');
      expect(detailsAround(doc, img)).toBeNull();
    },
  );

  it.each(['the transcript page', 'the HTML export'])(
    "%s keeps a sensitive status's images covered by their blurhash",
    async (name) => {
      const page = pages().find((p) => p.name === name)!;
      const doc = parseHtml(await (await fetch(`${server.url}${page.path}`)).text());
      const imgs = imgsIn(article(doc, covered.id));
      const cover = imgs.find((e) => attr(e, 'class') === 'media-cover')!;
      expect(attr(cover, 'src')).toMatch(/^data:image\/svg\+xml,/);
      const image = imgs.find((e) => attr(e, 'src') === secret.preview_url)!;
      expect(attr(image, 'alt')).toBe('Something to hide');
      // Inside a closed <details>, lazy: not fetched until the reader opens it.
      const details = detailsAround(doc, image)!;
      expect(details).not.toBeNull();
      expect(attr(details, 'open')).toBeNull();
      expect(attr(image, 'loading')).toBe('lazy');
      // The recap's top answers: a thumbnail for the plain answer, words for the covered one.
      const recap = [...elements(doc)].find((e) => attr(e, 'id') === 'recap')!;
      const thumbs = imgsIn(recap);
      expect(thumbs.map((e) => attr(e, 'alt'))).toEqual(['A dish']);
      expect(thumbs.map((e) => attr(e, 'src'))).not.toContain(secret.preview_url);
    },
  );

  it('Markdown links each image as ![alt](url), alt escaped on one line; a sensitive one only as a link', async () => {
    const md = await (await fetch(`${server.url}/api/v1/sessions/${sessionId}/transcript.md`)).text();
    expect(md).toContain(`  ![A "slide" \\<b\\>&\\</b\\> \\[x\\](y) second line](${slide.url})`);
    expect(md).toContain('![A dish](');
    expect(md).toContain(`  [Sensitive image: Something to hide](${secret.url})`);
    expect(md).not.toContain(`![Something to hide]`);
  });

  it('CSV has a media_urls column', async () => {
    const csv = await (await fetch(`${server.url}/api/v1/sessions/${sessionId}/transcript.csv`)).text();
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === q1.id)?.media_urls).toBe(slide.url);
    expect(rows.find((r) => r.id === covered.id)?.media_urls).toBe(secret.url);
  });
});

function solidPng() {
  return solid(12, 12).png().toBuffer();
}

describe('the instance', () => {
  it('tells clients what it takes', async () => {
    const res = await new Api(server.url).get('/api/v2/instance');
    expect(res.body.configuration.statuses.max_media_attachments).toBe(4);
    expect(res.body.configuration.media_attachments).toMatchObject({
      supported_mime_types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      image_size_limit: 16 * 1024 * 1024,
      image_matrix_limit: 40_000_000,
    });
  });
});

describe('uploads no status took', () => {
  it('are removed after a day, files and all; attached ones stay', async () => {
    // The sweep's handler as the job runner calls it, on uploads made to look 23 and 25 hours old.
    const sweep = () => jobHandlers(server.ctx)[MEDIA_JOB.sweep]({} as never, {});
    const age = (id: string, hours: number) =>
      server.ctx.store.db
        .updateTable('media_attachments')
        .set({ created_at: Date.now() - hours * 60 * 60 * 1000 })
        .where('id', '=', Number(id))
        .execute();
    const kept = await ready(alice.api, await solidPng());
    const left = await ready(alice.api, await solidPng());
    expect((await alice.api.post('/api/v1/statuses', { status: 'kept', media_ids: [kept.id] })).status).toBe(
      200,
    );
    await age(kept.id, 25);
    await age(left.id, 23);
    expect(await sweep()).toEqual({ rerunAt: expect.any(Number) });
    expect((await alice.api.get(`/api/v1/media/${left.id}`)).status).toBe(200);
    await age(left.id, 25);
    await sweep();
    await runJobs();
    expect((await alice.api.get(`/api/v1/media/${left.id}`)).status).toBe(404);
    expect(await statusOf(left.url)).toBe(404);
    expect(await statusOf(left.preview_url)).toBe(404);
    expect((await alice.api.get(`/api/v1/media/${kept.id}`)).status).toBe(200);
    expect(await statusOf(kept.url)).toBe(200);
  });
});

describe('limits', () => {
  it('refuses a file over MEDIA_MAX_BYTES (413) and uploads past the hourly allowance (429)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hashchat-media-'));
    const small = await startTestServer({
      env: { MEDIA_DIR: dir, MEDIA_MAX_BYTES: '2048', MEDIA_UPLOADS_PER_HOUR: '2', JOBS_ENABLED: 'false' },
    });
    try {
      const u = await registerUser(small.url);
      const big = await solid(300, 300).png({ compressionLevel: 0 }).toBuffer();
      expect((await u.api.post('/api/v2/media', form(big))).status).toBe(413);
      expect(readdirSync(dir)).toEqual([]);
      const tiny = await solid(4, 4).png().toBuffer();
      expect((await u.api.post('/api/v2/media', form(tiny))).status).toBe(202);
      expect((await u.api.post('/api/v2/media', form(tiny))).status).toBe(202);
      const third = await u.api.post('/api/v2/media', form(tiny));
      expect(third.status).toBe(429);
    } finally {
      await small.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
