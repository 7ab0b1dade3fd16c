import type { FastifyInstance } from 'fastify';
import { prepareServer } from '../../src/server';
import { registerTransport } from './client';
import { createTestDatabase, type TestServer, type TestServerOptions, testConfig } from './test-server';

/**
 * The same app as startTestServer (real database, real routes and hooks) without a socket:
 * requests go through Fastify's `inject`. For request/response tests only: `url` is the
 * server's own URL (what it writes into links), but nothing listens there, so streams and raw
 * `fetch` need startTestServer. Clients built on `url` (Api, registerUser, the OAuth helpers)
 * send through `inject`.
 */
export async function startInProcessServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const db = opts.database ?? (await createTestDatabase());
  const config = await testConfig(db, opts.env);
  const server = await prepareServer(config, { now: opts.now, logger: opts.logger }, (a) => a.ready());
  const url = `http://${config.host}:${config.port}`;
  const unregister = registerTransport(url, (target, init) => injectFetch(server.app, target, init));
  return {
    ...server,
    url,
    async close() {
      unregister();
      await server.close();
      if (!opts.database) await db.drop();
    },
  };
}

/** `fetch` answered by `app.inject`: the request as a browser would send it, the answer as a Response. */
async function injectFetch(app: FastifyInstance, target: string, init: RequestInit = {}): Promise<Response> {
  const request = new Request(target, init);
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const res = await app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers,
    payload: body,
    remoteAddress: '127.0.0.1',
  });
  const out = new Headers();
  for (const [key, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, String(v));
  }
  const location = res.headers.location;
  if (
    init.redirect !== 'manual' &&
    res.statusCode >= 300 &&
    res.statusCode < 400 &&
    typeof location === 'string'
  ) {
    // As fetch does: follow to a GET (a redirect elsewhere is not this server's to answer).
    const next = new URL(location, url);
    if (next.origin === url.origin) return injectFetch(app, next.href, { headers: init.headers });
  }
  const empty = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD';
  return new Response(empty ? null : new Uint8Array(res.rawPayload), {
    status: res.statusCode,
    headers: out,
  });
}
