import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyWebsocket from '@fastify/websocket';
import { HashchatError, invalid } from '@hashchat/core/errors';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
  type RouteOptions,
} from 'fastify';
import type { Context } from '../context';
import { LazyFederation } from '../federation/lazy';
import { mountFederation } from '../federation/mount';
import { checkCsrf, resolveViewer } from './auth';
import { installCompression } from './compression';
import { drainOnClose } from './drain-on-close';
import { installErrorHandler } from './errors';
import { parseMultipart } from './multipart';
import { MAX_NESTING, nestsDeeperThan } from './nesting';
import { normalizeParams, withQueryParams } from './params';
import { registerRoutes } from './routes';
import { installSecurityHeaders } from './security-headers';

/** The most bytes any request body may have, whatever its type (multipart counted whole). */
const BODY_LIMIT = 1024 * 1024;
/**
 * Paths apps on other origins read with fetch(): the API, OAuth, and the discovery documents
 * (a web app such as Phanpy reads host-meta and the OAuth metadata before sign-in; without the
 * header the browser blocks them). Never credentialed: cookies count for nothing cross-origin.
 */
const CROSS_ORIGIN_PREFIXES = ['/api/', '/oauth/', '/.well-known/', '/nodeinfo/'];

export interface AppOptions {
  /** Called for every route as it is registered (the OpenAPI test compares them with the contract). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the Fastify app around a context: hooks for who asks, limits and metrics, then the routes. */
export async function buildApp(ctx: Context, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // Per-request lines only when debugging: a busy room makes thousands a minute.
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
    bodyLimit: BODY_LIMIT,
    // A request must arrive whole, headers and body, within this time (408 and closed after):
    // a body trickled a byte at a time would otherwise hold its socket forever. Streams are
    // not cut: their request is complete once its headers are in, and a WebSocket has left HTTP.
    requestTimeout: ctx.config.requestTimeoutMs,
    http: {
      headersTimeout: ctx.config.requestTimeoutMs,
      // Node looks for expired requests this often (30 s by default, too coarse for a short limit).
      connectionsCheckingInterval: Math.min(5000, Math.max(100, ctx.config.requestTimeoutMs / 4)),
    },
    // Believe X-Forwarded-For only from configured proxies: anyone else could rotate it to
    // escape every per-address limit.
    trustProxy: ctx.config.trustedProxies.length > 0 ? ctx.config.trustedProxies : false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  installErrorHandler(app);
  installSecurityHeaders(app, ctx.config.publicUrl);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  // Multipart is read as a stream under the same cap as every other body; file parts are
  // refused (see multipart.ts for how a media-upload route would take them).
  app.addContentTypeParser('multipart/form-data', async (req: FastifyRequest, payload: IncomingMessage) =>
    parseMultipart(payload, req.headers, {
      maxBytes: BODY_LIMIT,
      fields: 100,
      fieldSize: 256 * 1024,
      parts: 200,
    }),
  );
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.decorateRequest('viewer', null as never);
  let warnedForwarded = false;
  app.addHook('onRequest', async (req, reply) => {
    if (!warnedForwarded && ctx.config.trustedProxies.length === 0 && req.headers['x-forwarded-for']) {
      // Behind a proxy that is not trusted, every client shares the proxy's address (and limits).
      warnedForwarded = true;
      req.log.warn(
        "a request carries X-Forwarded-For but TRUSTED_PROXIES is unset: client addresses are the proxy's own",
      );
    }
    req.viewer = await resolveViewer(ctx, req);
    if (CROSS_ORIGIN_PREFIXES.some((prefix) => req.url.startsWith(prefix))) {
      reply.header('access-control-allow-origin', '*');
      reply.header(
        'access-control-expose-headers',
        'Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
      );
    }
    if (
      ctx.config.rateLimit.enabled &&
      req.url.startsWith('/api/') &&
      !req.url.startsWith('/api/v1/streaming')
    ) {
      const key = req.viewer.accountId !== null ? `a:${req.viewer.accountId}` : `ip:${req.ip}`;
      const { max, windowSeconds } = ctx.config.rateLimit;
      const { count, resetAt } = await ctx.rateLimiter.hit(key, windowSeconds);
      reply.header('x-ratelimit-limit', String(max));
      reply.header('x-ratelimit-remaining', String(Math.max(0, max - count)));
      reply.header('x-ratelimit-reset', new Date(resetAt).toISOString());
      if (count > max) throw new HashchatError('RateLimited', 'Too many requests');
    }
  });
  app.addHook('preValidation', async (req) => {
    // Before anything walks the input recursively (folding keys, schemas): deep input is refused.
    if (nestsDeeperThan(req.body) || nestsDeeperThan(req.query))
      throw invalid(`The request is nested too deeply (at most ${MAX_NESTING} levels)`);
    req.query = normalizeParams(req.query) as typeof req.query;
    const json = /\bjson\b/i.test(req.headers['content-type'] ?? '');
    req.body = normalizeParams(req.body, !json) as typeof req.body;
    checkCsrf(req);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      req.body = withQueryParams(req.query, req.body) as typeof req.body;
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    ctx.metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.requestDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  app.options('/*', async (_req, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
      .header(
        'access-control-allow-headers',
        'Authorization, Content-Type, Idempotency-Key, X-CSRF-Token, Last-Event-ID',
      )
      .status(204)
      .send(),
  );
  // Streams hold connections open: close them first, or app.close() waits forever.
  app.addHook('preClose', async () => ctx.hub.close());
  drainOnClose(app, ctx.config.requestTimeoutMs);
  installCompression(app, ctx.config.httpCompression);

  if (ctx.config.federation.enabled) {
    // The fediverse edge: actors, WebFinger and inboxes, and deliveries of what is committed.
    // Fedify is imported when there is federation work (federation/lazy.ts), not here.
    const lazy = new LazyFederation(ctx, async () => {
      const [{ createHashchatFederation }, { federationDeps }] = await Promise.all([
        import('../federation/federation'),
        import('../federation/wiring'),
      ]);
      return createHashchatFederation(ctx, federationDeps(ctx));
    });
    ctx.federation = lazy;
    app.addHook('onClose', () => lazy.close());
    await mountFederation(
      app,
      ctx,
      () => lazy.fed(),
      () => lazy.fastInbox(),
    );
    await lazy.start();
  }
  await registerRoutes(app, ctx);
  return app;
}
