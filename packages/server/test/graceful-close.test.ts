import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A raw keep-alive connection: what the server sent, and when it closed the socket. */
function connect(url: string) {
  const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
  let received = '';
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { socket, closed, text: () => received };
}

/** Resolves with what `p` resolved to, or 'timed out' after `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), ms);
    }),
  ]);
}

describe('closing the server', () => {
  it('a request in hand when the server closes is answered, its connection let go, and close() does not wait for keep-alive', async () => {
    server = await startTestServer();
    const conn = connect(server.url);
    const body = JSON.stringify({ client_name: 'Closing', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' });
    // The headers and all but the last byte of the body: the request is routed and in hand.
    const routed = new Promise<void>((resolve) => server?.app.server.once('request', () => resolve()));
    conn.socket.write(
      'POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, -1)}`,
    );
    await routed;

    const closing = server.close();
    conn.socket.write(body.slice(-1));
    const answered = await within(conn.closed, 10_000);
    expect(answered).not.toBe('timed out');
    expect(conn.text()).toMatch(/^HTTP\/1\.1 200/);
    expect(conn.text()).toMatch(/\r\nconnection: close\r\n/i);
    // Without the drain this waits for Fastify's 72 s keep-alive timeout.
    expect(await within(closing, 10_000)).not.toBe('timed out');
    server = null;
  });

  it("a connection still open at the deadline (a request's time limit) is cut, and close() returns", async () => {
    server = await startTestServer({ env: { REQUEST_TIMEOUT_SECONDS: '1' } });
    const conn = connect(server.url);
    // Headers only: the body never comes, and Node's own 408 is not sent once the server closes.
    const routed = new Promise<void>((resolve) => server?.app.server.once('request', () => resolve()));
    conn.socket.write(
      'POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await routed;
    const started = Date.now();
    expect(await within(server.close(), 10_000)).not.toBe('timed out');
    expect(await within(conn.closed, 1_000)).not.toBe('timed out');
    expect(Date.now() - started).toBeLessThan(10_000);
    server = null;
  });
});
