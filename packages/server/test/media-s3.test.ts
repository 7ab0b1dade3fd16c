import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { createTestDatabase, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

// The whole path on an S3-compatible store: a real S3-protocol server (s3rver) on loopback.
const dir = mkdtempSync(path.join(tmpdir(), 'hashchat-s3-api-'));
const s3 = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: dir,
  configureBuckets: [{ name: 'media' }],
});
let server: TestServer;
let bucketEnv: Record<string, string>;

beforeAll(async () => {
  const { port } = (await s3.run()) as AddressInfo;
  bucketEnv = {
    MEDIA_S3_BUCKET: 'media',
    MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
    MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  server = await startTestServer({ env: bucketEnv });
});

const inBucket = () => readdirSync(path.join(dir, 'media'), { recursive: true }).map(String);
const redPng = () =>
  sharp({ create: { width: 30, height: 20, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
async function postImage(api: Awaited<ReturnType<typeof registerUser>>['api']) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await redPng())]), 'red.png');
  const up = await api.post('/api/v1/media', form);
  expect(up.status).toBe(200);
  const status = await api.post('/api/v1/statuses', { status: 'red', media_ids: [up.body.id] });
  expect(status.status).toBe(200);
  const keys = [up.body.url, up.body.preview_url].map((u: string) =>
    new URL(u).pathname.replace('/media/', ''),
  );
  return { media: up.body, status: status.body, objects: keys.map((k) => `${k}._S3rver_object`) };
}
afterAll(async () => {
  await server?.close();
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('media in an S3-compatible bucket', () => {
  it('uploads, serves through /media with the sandbox headers, and removes files with their status', async () => {
    const { api } = await registerUser(server.url);
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)]), 'red.png');
    const up = await api.post('/api/v1/media', form);
    expect(up.status).toBe(200);
    expect(up.body.url).toMatch(new RegExp(`^${server.url}/media/[a-f0-9]{24}/original\\.png$`));
    // Stored in the bucket (s3rver keeps an object as `<key>._S3rver_object` in its folder).
    const key = new URL(up.body.url).pathname.replace('/media/', '');
    expect(inBucket()).toContain(`${key}._S3rver_object`);
    const file = await fetch(up.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(30);
    const status = await api.post('/api/v1/statuses', { status: 'red', media_ids: [up.body.id] });
    await api.delete(`/api/v1/statuses/${status.body.id}`);
    // Removed by the job runner (polling every second here), not on the request.
    await waitFor(() => !inBucket().includes(`${key}._S3rver_object`), { what: 'the object removed' });
    const gone = await fetch(up.body.url);
    await gone.arrayBuffer();
    expect(gone.status).toBe(404);
  });

  it("removes a deleted status's objects after a restart when the process stopped before it could", async () => {
    const database = await createTestDatabase();
    // An instance whose job runner never gets to the removal (it polls once an hour).
    const first = await startTestServer({ database, env: { ...bucketEnv, JOBS_POLL_MS: '3600000' } });
    const { api } = await registerUser(first.url);
    const { status, objects } = await postImage(api);
    expect((await api.delete(`/api/v1/statuses/${status.id}`)).status).toBe(200);
    await first.close();
    expect(inBucket()).toEqual(expect.arrayContaining(objects));
    // The next start of the same instance runs what was left: both objects go.
    const second = await startTestServer({ database, env: bucketEnv });
    try {
      await waitFor(() => objects.every((o) => !inBucket().includes(o)), { what: 'the objects removed' });
    } finally {
      await second.close();
      await database.drop();
    }
  });
});
