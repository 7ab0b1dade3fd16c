import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyWebsocket from '@fastify/websocket';
import { HashchatError } from '@hashchat/core/errors';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RouteOptions,
} from 'fastify';
import type { Context } from '../context';
import { checkCsrf, resolveViewer } from './auth';
import { installErrorHandler } from './errors';
import { normalizeParams } from './params';
import { registerRoutes } from './routes';

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
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 8 * 1024 * 1024, fields: 100 },
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.decorateRequest('viewer', null as never);
  app.addHook('onRequest', async (req, reply) => {
    req.viewer = await resolveViewer(ctx, req);
    if (req.url.startsWith('/api/') || req.url.startsWith('/oauth/')) {
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
    req.query = normalizeParams(req.query) as typeof req.query;
    req.body = normalizeParams(req.body) as typeof req.body;
    checkCsrf(req);
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

  await registerRoutes(app, ctx);
  return app;
}
