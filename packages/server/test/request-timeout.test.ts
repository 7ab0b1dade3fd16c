import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

// A one-second limit on receiving a request; heartbeats every second, so a stream that
// outlives three of them has outlived the limit several times over.
let server: TestServer;
let user: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer({
    env: { REQUEST_TIMEOUT_SECONDS: '1', STREAM_HEARTBEAT_SECONDS: '1' },
  });
  user = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

/** A raw socket that collects what the server sends and knows when the server closed it. */
function rawSocket() {
  const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
  let received = '';
  let closedAt: number | null = null;
  const closed = new Promise<void>((resolve) => {
    socket.on('close', () => {
      closedAt = Date.now();
      resolve();
    });
  });
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  socket.on('error', () => {});
  return {
    socket,
    closed,
    text: () => received,
    isClosed: () => closedAt !== null,
    async waitFor(check: (text: string) => boolean, ms = 8000) {
      const deadline = Date.now() + ms;
      while (!check(received)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

describe('slow requests time out', () => {
  it('a body trickled a byte at a time is answered 408 and closed', async () => {
    const conn = rawSocket();
    const started = Date.now();
    conn.socket.write(
      `POST /api/v1/statuses HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${user.token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    // One more byte every 200 ms: progress does not restart the clock.
    const drip = setInterval(() => conn.socket.writable && conn.socket.write(' '), 200);
    try {
      await conn.closed;
    } finally {
      clearInterval(drip);
    }
    expect(conn.text()).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('headers trickled a line at a time time out the same way', async () => {
    const conn = rawSocket();
    conn.socket.write('GET /api/v1/instance HTTP/1.1\r\n');
    const drip = setInterval(() => conn.socket.writable && conn.socket.write('X-Slow: 1\r\n'), 200);
    try {
      await conn.closed;
    } finally {
      clearInterval(drip);
    }
    expect(conn.text()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a request sent at once is unaffected', async () => {
    const res = await user.api.post('/api/v1/statuses', { status: 'quick' });
    expect(res.status).toBe(200);
  });
});

describe('streams are long-lived responses, not slow requests', () => {
  it('an SSE stream outlives the limit and still delivers, on a reused connection too', async () => {
    const tag = `slowsse${Date.now()}`;
    const conn = rawSocket();
    conn.socket.write('GET /api/v1/streaming/health HTTP/1.1\r\nHost: x\r\n\r\n');
    await conn.waitFor((t) => t.endsWith('OK'));
    conn.socket.write(`GET /api/v1/streaming/hashtag?tag=${tag} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await conn.waitFor((t) => (t.match(/:thump/g) ?? []).length >= 3);
    expect(conn.isClosed()).toBe(false);
    const posted = await user.api.post('/api/v1/statuses', { status: `late #${tag}` });
    await conn.waitFor((t) => t.includes(`"id":"${posted.body.id}"`));
    conn.socket.destroy();
  });

  it('a WebSocket outlives the limit and still delivers', async () => {
    const tag = `slowws${Date.now()}`;
    const ws = new WsClient(`${server.url.replace(/^http/, 'ws')}/api/v1/streaming`);
    await ws.opened;
    let pings = 0;
    ws.socket.on('ping', () => pings++);
    ws.send({ type: 'subscribe', stream: 'hashtag', tag });
    await new Promise<void>((resolve) => {
      ws.socket.on('ping', () => pings >= 3 && resolve());
    });
    expect(ws.closed).toBe(false);
    const posted = await user.api.post('/api/v1/statuses', { status: `late #${tag}` });
    await ws.waitFor((m) => m.some((x) => x.event === 'update' && x.payload?.includes(posted.body.id)));
    ws.close();
  });
});
