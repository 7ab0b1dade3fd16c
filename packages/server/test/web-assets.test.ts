import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './support/raw-http';
import { startTestServer, type TestServer } from './support/test-server';

const rawGet = (url: string, headers: Record<string, string> = {}) => rawRequest(url, { headers });

describe('the web app’s files', () => {
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    server = await startTestServer();
    const page = await rawGet(`${server.url}/`);
    script = /<script[^>]+src="([^"]+\.js)"/.exec(page.body.toString())![1];
  });
  afterAll(async () => server?.close());

  it.each([
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ])('are sent pre-compressed to a client that accepts %s', async (accept, encoding, decode) => {
    const plain = await rawGet(server.url + script);
    const packed = await rawGet(server.url + script, { 'accept-encoding': accept });
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(decode(packed.body).equals(plain.body)).toBe(true);
  });

  it('are sent as they are to a client that accepts no encoding', async () => {
    const plain = await rawGet(server.url + script, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8', 0, 200)).not.toMatch(/\uFFFD/);
  });

  it('are cached for a year when their name carries a content hash, and the page never', async () => {
    const asset = await rawGet(server.url + script);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await rawGet(`${server.url}/chats`);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['an avatar', '/avatars/1.svg', 'image/svg+xml'],
    ['the missing header', '/headers/missing.png', 'image/png'],
  ])('serves %s as an image any origin may fetch', async (_name, path, type) => {
    const res = await rawGet(server.url + path, { origin: 'https://phanpy.example' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
