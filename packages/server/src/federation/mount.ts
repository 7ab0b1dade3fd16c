import type { Federation } from '@fedify/fedify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context';
import type { FastInbox } from './fast-inbox';

/** The most bytes an inbox POST may have (Fastify's own body limit stays the outer one). */
const INBOX_BODY_LIMIT = 512 * 1024;

/** Paths Fedify answers: WebFinger, the shared inbox, and every actor, collection and note. */
const PATHS = ['/.well-known/webfinger', '/inbox', '/users/*'];

const AP_ACCEPT = /application\/(activity\+json|ld\+json)/i;

/**
 * Serves the federation from Fastify: each request becomes the Fetch `Request` Fedify wants,
 * with the URL on PUBLIC_URL's origin (behind a proxy too) and the raw body (signatures cover
 * its digest), and Fedify's `Response` goes back as it is. These routes are the fediverse's,
 * not the client API: they carry `config.federation` (the OpenAPI test leaves them out).
 * `fed` gives the federation, loading it on the first request (federation/lazy.ts).
 */
export async function mountFederation(
  app: FastifyInstance,
  ctx: Context,
  fed: () => Promise<Federation<void>>,
  fastInbox?: () => Promise<FastInbox>,
): Promise<void> {
  const base = ctx.config.publicUrl;
  const serve = async (req: FastifyRequest, reply: FastifyReply, path = req.url) => {
    // A Mastodon-shaped reply to the shared inbox is checked and handled without Fedify's
    // JSON-LD work; anything else (and anything it is unsure of) goes on to Fedify.
    if (fastInbox && req.method === 'POST' && path.split('?')[0] === '/inbox' && Buffer.isBuffer(req.body)) {
      const fast = await (await fastInbox()).handle({
        method: req.method,
        url: path,
        headers: req.headers,
        body: req.body,
      });
      if (fast) return send(reply, fast);
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      for (const one of [v].flat()) headers.append(k, one);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    // Origin + path, never `new URL(path, base)`: a path starting with `//` would name another host.
    const request = new Request(new URL(`${new URL(base).origin}${path}`), {
      method: req.method,
      headers,
      body: hasBody && Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : undefined,
    });
    const response = await (await fed()).fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response(JSON.stringify({ error: 'Record not found' }), notFound),
      // A browser asking for an actor or a note gets its page in the web app.
      onNotAcceptable: () => new Response(null, { status: 302, headers: { location: pageOf(base, path) } }),
    });
    return send(reply, response);
  };

  await app.register(async (scope) => {
    // Bodies are read as bytes, whatever their type: Fedify parses them after checking the digest.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: INBOX_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    for (const url of PATHS) {
      scope.route({
        method: url === '/inbox' ? ['POST'] : url === '/users/*' ? ['GET', 'POST'] : ['GET'],
        url,
        config: { federation: true },
        bodyLimit: INBOX_BODY_LIMIT,
        handler: (req, reply) => serve(req, reply),
      });
    }
  });

  // A status's or profile's page asked for as ActivityPub is its Note or actor (how Mastodon
  // resolves a pasted link).
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !AP_ACCEPT.test(req.headers.accept ?? '')) return;
    const m = /^\/@([A-Za-z0-9_]{1,30})(?:\/(\d{1,18}))?\/?(?:\?.*)?$/.exec(req.url);
    if (!m) return;
    const actor = `/users/${m[1].toLowerCase()}`;
    return serve(req, reply, m[2] ? `${actor}/statuses/${m[2]}` : actor);
  });
}

async function send(reply: FastifyReply, response: Response) {
  reply.status(response.status);
  response.headers.forEach((value, key) => {
    reply.header(key, value);
  });
  return reply.send(Buffer.from(await response.arrayBuffer()));
}

const notFound = { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' } };

/** The web app's page for a federation path: `/users/alice` → `/@alice`, a chat's Group → its page. */
function pageOf(base: string, path: string): string {
  const m = /^\/users\/([^/?]+)(?:\/statuses\/(\d+))?/.exec(path);
  if (!m) return `${base}/`;
  const chat = /^chat-(\d+)$/.exec(m[1]);
  if (chat) return `${base}/chats/${chat[1]}`;
  if (m[1] === 'instance-actor') return `${base}/`;
  return `${base}/@${m[1]}${m[2] ? `/${m[2]}` : ''}`;
}
