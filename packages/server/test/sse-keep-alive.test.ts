import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

/** Sends raw requests on one socket and collects every byte the server answers. */
function rawConnection(url: string) {
  const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
  let received = '';
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  return {
    send: (text: string) => socket.write(text),
    text: () => received,
    async waitFor(check: (text: string) => boolean, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!check(received)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => socket.destroy(),
  };
}

describe('SSE on a reused keep-alive connection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  // Node 24 holds back a response's first bytes on a reused socket; events written straight to
  // the socket overtook them and the reader saw a header block in the middle of the stream.
  it('sends its own header block first, then the missed events, then live ones', async () => {
    const user = await registerUser(server.url);
    const tag = `keepalive${Date.now()}`;
    const first = await user.api.post('/api/v1/statuses', { status: `one #${tag}` });
    const second = await user.api.post('/api/v1/statuses', { status: `two #${tag}` });
    const conn = rawConnection(server.url);
    const body = JSON.stringify({ status: `three #${tag}` });
    conn.send(
      `POST /api/v1/statuses HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${user.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await conn.waitFor((t) => t.includes('"content"'));
    const afterPost = conn.text().length;
    conn.send(
      `GET /api/v1/streaming/hashtag?tag=${tag} HTTP/1.1\r\nHost: x\r\nLast-Event-ID: ${Number(first.body.id) - 1}\r\n\r\n`,
    );
    await conn.waitFor((t) => (t.slice(afterPost).match(/event: update/g) ?? []).length >= 3);
    const live = await user.api.post('/api/v1/statuses', { status: `four #${tag}` });
    await conn.waitFor((t) => t.includes(`id: ${live.body.id}\n`) || t.includes(`"id":"${live.body.id}"`));
    await conn.waitFor((t) => (t.slice(afterPost).match(/event: update/g) ?? []).length >= 4);
    conn.close();
    const stream = conn.text().slice(afterPost);
    expect(stream.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(stream.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(stream).toMatch(/content-type: text\/event-stream/);
    const ids = [...stream.matchAll(/\nid: (\d+)\nevent: update/g)].map((m) => m[1]);
    expect(ids.slice(0, 2)).toEqual([first.body.id, second.body.id]);
    expect(ids).toContain(live.body.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
