import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let user: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer();
  user = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

const BOUNDARY = 'hashchat-test-boundary';
const fieldPart = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;

interface RawResponse {
  status: number;
  body: { error?: string };
}

/**
 * Sends `chunks` as a chunked body and leaves the request open unless `end`: the answer must
 * come from what the server has read so far, not from the whole body.
 */
function sendChunked(
  path: string,
  contentType: string,
  chunks: (string | Buffer)[],
  end: boolean,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    if (end) req.end();
  });
}

const multipart = `multipart/form-data; boundary=${BOUNDARY}`;

describe('multipart bodies', () => {
  it('a plain multipart form still works', async () => {
    const res = await sendChunked(
      '/api/v1/apps',
      multipart,
      [
        fieldPart('client_name', 'mp'),
        fieldPart('redirect_uris', 'urn:ietf:wg:oauth:2.0:oob'),
        `--${BOUNDARY}--\r\n`,
      ],
      true,
    );
    expect(res.status).toBe(200);
  });

  it('refuses a file part with 422 before the rest of the body has arrived', async () => {
    // The body never ends: an answer proves the file was refused as it began, not buffered whole.
    const res = await sendChunked(
      '/api/v1/auth/sign_in',
      multipart,
      [fieldPart('login', 'x'), fileHead('avatar'), Buffer.alloc(256 * 1024, 1)],
      false,
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/file uploads are not accepted/);
  });

  it('caps the whole multipart body, counting every part (413)', async () => {
    // Five fields of 250 KB each: each is under the field cap, together they are over 1 MB.
    const chunks = Array.from({ length: 5 }, (_, i) => fieldPart(`f${i}`, 'x'.repeat(250_000)));
    const res = await sendChunked('/api/v1/auth/sign_in', multipart, chunks, false);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/too large/i);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const form = new FormData();
    for (let i = 0; i < 5; i++) form.append(`f${i}`, 'x'.repeat(250_000));
    const res = await new Api(server.url).post('/api/v1/auth/sign_in', form);
    expect(res.status).toBe(413);
  });

  it('refuses more than 100 fields (413)', async () => {
    const chunks = Array.from({ length: 101 }, (_, i) => fieldPart(`f${i}`, 'x'));
    const res = await sendChunked(
      '/api/v1/auth/sign_in',
      multipart,
      [...chunks, `--${BOUNDARY}--\r\n`],
      true,
    );
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/too many fields/i);
  });

  it.each([
    ['anonymously', '/api/v1/auth/sign_in', null],
    ['signed in', '/api/v1/statuses', 'user'],
  ])('multipart with no boundary is 400 with a clear error (%s)', async (_n, path, who) => {
    const res = await fetch(server.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data',
        ...(who ? { authorization: `Bearer ${user.token}` } : {}),
      },
      body: 'status=hi',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/boundary/);
  });
});

describe('deeply nested input', () => {
  it('JSON nested 100,000 deep is 400, not a stack overflow', async () => {
    const res = await fetch(`${server.url}/api/v1/chats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: `{"hashtag":"deep","schedule":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/nested too deeply/);
  });

  it('a form key nested 5,000 deep is 400, not a stack overflow', async () => {
    const key = `schedule${'[a]'.repeat(5000)}`;
    const res = await fetch(`${server.url}/api/v1/chats`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${user.token}` },
      body: `${encodeURIComponent(key)}=1&hashtag=deep`,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/nested too deeply/);
  });

  it('nesting within the cap is still accepted', async () => {
    const res = await new Api(server.url, user.token).post('/api/v1/statuses', {
      status: 'shallow',
      x: JSON.parse(`${'['.repeat(20)}${']'.repeat(20)}`),
    });
    expect(res.status).toBe(200);
  });
});
