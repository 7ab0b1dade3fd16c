import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userWithScopes } from './support/oauth';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

// Every stream holds a socket, and so a file descriptor: one client must not be able to hold
// them all. Each client address below is a real loopback address of its own (127.0.0.x).
const PER_ADDRESS = 3;
const PER_ACCOUNT = 2;
let server: TestServer;
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: { STREAMS_PER_ADDRESS: String(PER_ADDRESS), STREAMS_PER_ACCOUNT: String(PER_ACCOUNT) },
  });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

interface Opened {
  status: number;
  /** The body of a refused stream (parsed JSON). */
  body: { error?: string } | null;
  close(): void;
}

/** GETs `path` from `from` (a loopback address): an open stream (200) or the refusal, read whole. */
function get(from: string, path: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${path}`, { localAddress: from, headers, agent: false }, (res) => {
      const close = () => req.destroy();
      if (res.statusCode === 200 && /event-stream/.test(res.headers['content-type'] ?? '')) {
        open.push({ close });
        // Open once the first comment is in: the stream is attached.
        res.once('data', () => resolve({ status: 200, body: null, close }));
        return;
      }
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, close }),
      );
    });
    req.on('error', reject);
  });
}
const sse = (from: string, headers?: Record<string, string>) =>
  get(from, '/api/v1/streaming/public', headers);

async function socket(from: string, headers: Record<string, string> = {}): Promise<WsClient> {
  const c = new WsClient(`${server.url.replace(/^http/, 'ws')}/api/v1/streaming?stream=public`, {
    headers,
    localAddress: from,
  });
  open.push(c);
  await c.opened.catch(() => {});
  return c;
}

/** Opens a stream from `from` once a slot is free again (a closed stream's slot returns when its socket closes). */
async function eventuallyOpens(from: string): Promise<Opened> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const s = await sse(from);
    if (s.status === 200 || Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('open streams per address', () => {
  it('refuses the stream past the cap from one address with 429 (SSE and WebSocket alike), while another address connects and /health answers', async () => {
    const from = '127.0.0.2';
    const held = [await sse(from), await sse(from)];
    const ws = await socket(from);
    expect(held.map((s) => s.status)).toEqual([200, 200]);
    expect(ws.refusedWith).toBeNull();

    const refused = await sse(from);
    expect(refused.status).toBe(429);
    expect(refused.body?.error).toMatch(/^Too many open streams/);
    const refusedWs = await socket(from);
    expect(refusedWs.refusedWith).toBe(429);

    expect((await sse('127.0.0.3')).status).toBe(200);
    expect((await get(from, '/health')).status).toBe(200);
  });

  it('closing a stream frees its slot', async () => {
    const from = '127.0.0.4';
    const held = await Promise.all(Array.from({ length: PER_ADDRESS }, () => sse(from)));
    expect((await sse(from)).status).toBe(429);
    held[0].close();
    expect((await eventuallyOpens(from)).status).toBe(200);
    // A WebSocket's slot comes back too.
    held[1].close();
    const ws = await socket(from);
    expect(ws.refusedWith).toBeNull();
    ws.close();
    expect((await eventuallyOpens(from)).status).toBe(200);
  });
});

describe('open streams per account', () => {
  it('counts an account’s streams across addresses', async () => {
    const me = await userWithScopes(server.url, 'read');
    const auth = { authorization: `Bearer ${me.token}` };
    expect((await sse('127.0.0.5', auth)).status).toBe(200);
    expect((await socket('127.0.0.6', auth)).refusedWith).toBeNull();
    const third = await get('127.0.0.7', '/api/v1/streaming/user', auth);
    expect(third.status).toBe(429);
    expect(third.body?.error).toBe('Too many open streams for this account');
    expect((await socket('127.0.0.7', auth)).refusedWith).toBe(429);
    // The address itself still has room for anonymous streams.
    expect((await sse('127.0.0.7')).status).toBe(200);
  });
});

describe('/metrics', () => {
  it('shows the open descriptors, their limit, the stream cap they leave, and refusals by cap', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    const openFds = value('hashchat_process_process_open_fds');
    const maxFds = value('hashchat_process_process_max_fds');
    expect(openFds).toBeGreaterThan(0);
    expect(maxFds).toBeGreaterThan(openFds);
    // A quarter of the limit, and at least 128 descriptors, stay for everything but streams.
    expect(value('hashchat_streams_max')).toBe(maxFds - Math.max(128, Math.ceil(maxFds / 4)));
    expect(text).toMatch(/^hashchat_streams_refused_total\{cap="address"\} [1-9]/m);
    expect(text).toMatch(/^hashchat_streams_refused_total\{cap="account"\} [1-9]/m);
  });
});
