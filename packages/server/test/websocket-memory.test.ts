import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context';
import { buildApp } from '../src/http/app';
import { registerUser } from './support/client';
import { createTestDatabase, type TestDatabase, testConfig } from './support/test-server';
import { WsClient } from './support/ws';

// A WebSocket lives for hours; the HTTP request it was opened with is done with once it is open.
// Whatever still holds the request then (Fastify's request and reply, Node's IncomingMessage and
// the upgrade's ServerResponse) is held once per open socket: ~5 KB each, 50 MB at 10,000.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let db: TestDatabase;
let ctx: Context;
let app: FastifyInstance;
let url: string;
let wsUrl: string;
/** The objects of each streaming request, held weakly. */
const requests: { what: string; ref: WeakRef<object> }[][] = [];
const open: WsClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createContext(await testConfig(db));
  app = await buildApp(ctx);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/v1/streaming')) return;
    requests.push([
      { what: 'the Fastify request', ref: new WeakRef(req) },
      { what: 'the Fastify reply', ref: new WeakRef(reply) },
      { what: 'the IncomingMessage', ref: new WeakRef(req.raw) },
      { what: 'the ServerResponse', ref: new WeakRef(reply.raw) },
    ]);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  url = `http://127.0.0.1:${port}`;
  wsUrl = `ws://127.0.0.1:${port}/api/v1/streaming`;
});
afterAll(async () => {
  for (const c of open) c.close();
  await app?.close();
  await ctx?.close();
  await db?.drop();
});

/** The objects of `refs` still alive after collecting garbage (a few rounds, the event loop turning between them). */
async function survivors(refs: { what: string; ref: WeakRef<object> }[]): Promise<string[]> {
  for (let round = 0; round < 10; round++) {
    gc();
    await new Promise((r) => setImmediate(r));
    if (refs.every((r) => r.ref.deref() === undefined)) return [];
  }
  return refs.filter((r) => r.ref.deref() !== undefined).map((r) => r.what);
}

describe('an open WebSocket', () => {
  it('no longer holds the request it was opened with, and still streams', async () => {
    const c = new WsClient(`${wsUrl}?stream=public&ack=true`);
    open.push(c);
    await c.subscribed();
    expect(requests).toHaveLength(1);
    expect(await survivors(requests[0])).toEqual([]);

    // The socket, its reader and its subscription are what stay, and still work.
    const later = new WsClient(wsUrl);
    open.push(later);
    await later.opened;
    await later.subscribe({ stream: 'hashtag', tag: 'kept' });
    expect(await survivors(requests[1])).toEqual([]);
    const alice = await registerUser(url);
    const posted = (await alice.api.post('/api/v1/statuses', { status: 'still here #kept' })).body;
    const delivered = (w: WsClient) =>
      w.waitFor((m) => m.some((x) => x.event === 'update' && JSON.parse(x.payload!).id === posted.id));
    await Promise.all([delivered(c), delivered(later)]);
  });
});
