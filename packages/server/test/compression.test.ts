import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_MAX_CHARS } from '../src/http/compression';
import { registerUser } from './support/client';
import { type RawResponse, rawRequest } from './support/raw-http';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let alice: Awaited<ReturnType<typeof registerUser>>;
const tag = `zip${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  server = await startTestServer();
  alice = await registerUser(server.url);
  for (let i = 0; i < 12; i++) {
    const res = await alice.api.post('/api/v1/statuses', {
      status: `Answer ${i} for #${tag}, long enough to count`,
    });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await server?.close();
});

function rawGet(path: string, headers: Record<string, string> = {}, method = 'GET', base = server.url) {
  return rawRequest(`${base}${path}`, { method, headers });
}

/** A JSON POST asking for br. */
function rawPost(path: string, body: unknown) {
  const headers = { 'content-type': 'application/json', 'accept-encoding': 'br' };
  return rawRequest(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function decode(raw: RawResponse): string {
  const enc = raw.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(raw.body).toString('utf8');
  if (enc === 'gzip') return zlib.gunzipSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
}

const auth = () => ({ authorization: `Bearer ${alice.token}` });

describe('compressed answers', () => {
  it('a timeline page goes out as br or gzip, as the client asks, and decodes to the same JSON as the plain answer', async () => {
    const path = '/api/v1/timelines/home?limit=12';
    const plain = await rawGet(path, auth());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.length).toBeGreaterThan(1024);
    const statuses = JSON.parse(plain.body.toString('utf8'));
    expect(statuses).toHaveLength(12);

    const br = await rawGet(path, { ...auth(), 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(decode(br))).toEqual(statuses);

    const gzip = await rawGet(path, { ...auth(), 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(gzip))).toEqual(statuses);

    const refused = await rawGet(path, { ...auth(), 'accept-encoding': 'identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(plain.body)).toBe(true);
  });

  it('a large answer (the OpenAPI document, over 128 KB) is compressed off the event loop and decodes whole', async () => {
    const plain = await rawGet('/api/openapi.json');
    expect(plain.body.length).toBeGreaterThan(SYNC_MAX_CHARS);
    for (const encoding of ['br', 'gzip']) {
      const packed = await rawGet('/api/openapi.json', { 'accept-encoding': encoding });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.body.length).toBeLessThan(plain.body.length / 4);
      expect(decode(packed)).toBe(plain.body.toString('utf8'));
    }
  });

  it('a small answer, an error and a HEAD go as they are', async () => {
    const small = await rawGet(`/api/v1/accounts/${alice.id}/following`, {
      ...auth(),
      'accept-encoding': 'br',
    });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toEqual([]);

    const missing = await rawGet('/api/v1/statuses/999999999', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.body.toString('utf8'))).toEqual({ error: 'Record not found' });

    const head = await rawGet(
      '/api/v1/timelines/home?limit=12',
      { ...auth(), 'accept-encoding': 'br' },
      'HEAD',
    );
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
  });

  it('a hot page (a tag read by someone signed out) is compressed once per version and never stale', async () => {
    const path = `/api/v1/timelines/tag/${tag}?limit=20`;
    const first = await rawGet(path, { 'accept-encoding': 'br' });
    const second = await rawGet(path, { 'accept-encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(second.body.equals(first.body)).toBe(true);
    const before = JSON.parse(decode(first)) as { content: string }[];
    expect(before).toHaveLength(12);
    const plain = await rawGet(path);
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(before);

    const posted = await alice.api.post('/api/v1/statuses', { status: `A late answer for #${tag}` });
    expect(posted.status).toBe(200);
    const after = JSON.parse(decode(await rawGet(path, { 'accept-encoding': 'gzip' }))) as { id: string }[];
    expect(after[0].id).toBe(posted.body.id);
    expect(after).toHaveLength(13);
    const afterBr = JSON.parse(decode(await rawGet(path, { 'accept-encoding': 'br' }))) as { id: string }[];
    expect(afterBr).toEqual(after);
  });

  it("the web app's page goes out compressed, the same bytes to every reader, and decodes to the page", async () => {
    const plain = await rawGet('/chats');
    expect(plain.headers['content-type']).toMatch(/text\/html/);
    const first = await rawGet('/chats', { 'accept-encoding': 'gzip, br' });
    const second = await rawGet('/chats', { 'accept-encoding': 'gzip, br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(second.body.equals(first.body)).toBe(true);
    expect(decode(first)).toBe(plain.body.toString('utf8'));
    const gzip = await rawGet('/chats', { 'accept-encoding': 'gzip' });
    expect(decode(gzip)).toBe(plain.body.toString('utf8'));
  });
});

describe('answers that carry a secret', () => {
  it("the OAuth consent form (the reader's CSRF token beside the query it repeats), the web session and a new app's secret go uncompressed", async () => {
    const signIn = await fetch(`${server.url}/api/v1/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      body: JSON.stringify({ login: alice.username, password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('content-encoding')).toBeNull();
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/=/);
    const { csrf_token: csrf } = (await signIn.json()) as { csrf_token: string };

    const session = await rawGet('/api/v1/auth/session', { cookie, 'accept-encoding': 'br' });
    expect(session.status).toBe(200);
    expect(session.headers['content-encoding']).toBeUndefined();

    // Enough redirect URIs to pass a kilobyte: it would be compressed but for its secret.
    const uris = Array.from(
      { length: 12 },
      (_, i) => `https://client.example/callback/${i}/${'x'.repeat(80)}`,
    );
    const created = await rawPost('/api/v1/apps', {
      client_name: 'Compression check',
      redirect_uris: uris.join('\n'),
      scopes: 'read',
    });
    expect(created.status).toBe(200);
    expect(created.headers['content-encoding']).toBeUndefined();
    expect(created.body.length).toBeGreaterThan(1024);
    const app = JSON.parse(created.body.toString('utf8')) as { client_id: string };

    const q = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: uris[0],
      scope: 'read',
      state: 'a'.repeat(500),
    });
    const consent = await rawGet(`/oauth/authorize?${q}`, { cookie, 'accept-encoding': 'br, gzip' });
    expect(consent.status).toBe(200);
    expect(consent.headers['content-encoding']).toBeUndefined();
    expect(consent.body.length).toBeGreaterThan(1024);
    expect(consent.body.toString('utf8')).toContain(`name="authenticity_token" value="${csrf}"`);
  });
});

describe('HTTP_COMPRESSION=false', () => {
  it('sends every answer as it is, hot pages and the web app included (a proxy in front compresses)', async () => {
    const plain = await startTestServer({ env: { HTTP_COMPRESSION: 'false' } });
    try {
      const bob = await registerUser(plain.url);
      for (let i = 0; i < 12; i++)
        await bob.api.post('/api/v1/statuses', { status: `Answer ${i} for #${tag}, long enough to count` });
      const br = { 'accept-encoding': 'br, gzip' };
      const home = await rawGet(
        '/api/v1/timelines/home',
        { ...br, authorization: `Bearer ${bob.token}` },
        'GET',
        plain.url,
      );
      const hot = await rawGet(`/api/v1/timelines/tag/${tag}`, br, 'GET', plain.url);
      const page = await rawGet('/chats', br, 'GET', plain.url);
      for (const res of [home, hot, page]) {
        expect(res.status).toBe(200);
        expect(res.body.length).toBeGreaterThan(1024);
        expect(res.headers['content-encoding']).toBeUndefined();
      }
      expect(JSON.parse(hot.body.toString('utf8'))).toHaveLength(12);
    } finally {
      await plain.close();
    }
  });
});
