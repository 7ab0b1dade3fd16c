import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

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

beforeAll(async () => {
  const { port } = (await s3.run()) as AddressInfo;
  server = await startTestServer({
    env: {
      MEDIA_S3_BUCKET: 'media',
      MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
  });
});
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
    const inBucket = () => readdirSync(path.join(dir, 'media'), { recursive: true }).map(String);
    expect(inBucket()).toContain(`${key}._S3rver_object`);
    const file = await fetch(up.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(30);
    const status = await api.post('/api/v1/statuses', { status: 'red', media_ids: [up.body.id] });
    await api.delete(`/api/v1/statuses/${status.body.id}`);
    const gone = await fetch(up.body.url);
    await gone.arrayBuffer();
    expect(gone.status).toBe(404);
    expect(inBucket()).not.toContain(`${key}._S3rver_object`);
  });
});
