import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, startInstance } from './scale/support/instances';
import { createTestDatabase, type TestDatabase } from './support/test-server';
import { WsClient } from './support/ws';

// The server as `npm start` runs it, under an open-file limit of 256: streams may take what is
// left once 128 descriptors are kept for requests, the database and Redis, and never more.
const FILE_LIMIT = 256;
const STREAM_CAP = FILE_LIMIT - 128;
let db: TestDatabase;
let server: Instance;
const sockets: http.ClientRequest[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // No per-address cap in the way: this is about the process's own limit.
  server = await startInstance('fd', { ...db.env, STREAMS_PER_ADDRESS: '10000' }, { fileLimit: FILE_LIMIT });
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await server?.stop();
  await db?.drop();
});

/** Opens a public SSE stream (resolves once it is attached), or reads the refusal. */
function stream(): Promise<{ status: number; error?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}/api/v1/streaming/public`, { agent: false }, (res) => {
      if (res.statusCode === 200) {
        sockets.push(req);
        res.once('data', () => resolve({ status: 200 }));
        return;
      }
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, error: JSON.parse(text).error }));
    });
    req.on('error', reject);
  });
}

describe('streams leave file descriptors for everything else', () => {
  it(`past ${STREAM_CAP} streams under a limit of ${FILE_LIMIT}, more are refused with 429 and /health still answers`, async () => {
    const results: { status: number; error?: string }[] = [];
    for (let i = 0; i < FILE_LIMIT + 20; i++) results.push(await stream());
    const accepted = results.filter((r) => r.status === 200).length;
    expect(accepted).toBe(STREAM_CAP);
    expect(results.slice(STREAM_CAP).every((r) => r.status === 429)).toBe(true);
    expect(results[STREAM_CAP].error).toBe('Too many open streams on this server; try again later');
    // A WebSocket is refused at the upgrade alike.
    const ws = new WsClient(`${server.url.replace(/^http/, 'ws')}/api/v1/streaming?stream=public`);
    await ws.opened.catch(() => {});
    expect(ws.refusedWith).toBe(429);
    const health = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(2000) });
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^hashchat_streams_max ${STREAM_CAP}$`, 'm'));
    expect(metrics).toMatch(new RegExp(`^hashchat_process_process_max_fds ${FILE_LIMIT}$`, 'm'));
  });
});
