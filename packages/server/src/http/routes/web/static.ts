import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import { avatarParams } from '@hashchat/api/requests/pages';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findAccountById } from '../../../store/accounts';
import { chooseEncoding, encodedOnce } from '../../compression';
import type { RouteModule } from '../../route-module';
import { preloadedRoomTag, preloadScript, roomPreload } from './preload';

/** A 1×1 transparent PNG. */
const MISSING_HEADER = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const PALETTE = ['#2f5bd3', '#b5447a', '#1f8a70', '#a15c00', '#6b4fbb', '#c0392b', '#00838f', '#5d6d1e'];

/** Serves the built web app with a fallback to index.html for client-side routes, plus avatars. */
export const webAppRoutes: RouteModule = async (app, ctx) => {
  // A generated avatar: the account's initial on a colour picked from its id.
  app.get('/avatars/:file', async (req, reply) => {
    const params = avatarParams.safeParse(req.params);
    const id = params.success ? Number(params.data.file.replace(/\.svg$/, '')) : Number.NaN;
    const row = Number.isInteger(id) ? await findAccountById(ctx.store.db, id) : undefined;
    const letter = (row?.username[0] ?? '?').toUpperCase();
    const color = PALETTE[(Number.isInteger(id) ? id : 0) % PALETTE.length];
    return (
      reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        // Web clients on other origins (Phanpy, Elk) fetch avatars in CORS mode.
        .header('access-control-allow-origin', '*')
        .send(
          `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${color}"/><text x="32" y="42" font-family="system-ui,sans-serif" font-size="30" text-anchor="middle" fill="#fff">${letter.replace(/[<&>"]/g, '')}</text></svg>`,
        )
    );
  });

  // Accounts have no header image yet: the URL the Account entity names is a transparent pixel,
  // not the web app's HTML.
  app.get('/headers/missing.png', async (_req, reply) =>
    reply
      .type('image/png')
      .header('cache-control', 'public, max-age=86400')
      .header('access-control-allow-origin', '*')
      .send(MISSING_HEADER),
  );

  const dist = ctx.config.webDist;
  const index = dist ? path.join(dist, 'index.html') : null;
  if (!dist || !index || !fs.existsSync(index)) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html')
        .send(
          '<!doctype html><title>Hashchat</title><p>The web app is not built. Run <code>npm run build</code>.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each file; they are sent to clients that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, file) {
      // Vite names files under assets/ by their content hash: they never change at one URL.
      const hashed = path.relative(dist, file).startsWith(`assets${path.sep}`);
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });
  const html = fs.readFileSync(index, 'utf8');
  /** The page without a preload is the same text for everyone: compressed once per encoding. */
  const htmlKey = {};
  const bodyEnd = html.indexOf('</body>');
  const sendIndex = async (req: FastifyRequest, reply: FastifyReply) => {
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'cookie, authorization, accept-encoding');
    // A room read by someone not signed in carries its first answers (see preload.ts). The page
    // up to them goes out at once, so the browser fetches the app's script while they are read;
    // compressed, since with them the page is tens of kilobytes.
    const tag = bodyEnd < 0 ? null : preloadedRoomTag(req);
    if (tag === null) return reply.send(encodedOnce(req, reply, htmlKey, html));
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const out =
      encoding === 'br'
        ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
        : encoding === 'gzip'
          ? zlib.createGzip()
          : new PassThrough();
    out.write(html.slice(0, bodyEnd));
    // Compressed, the head would wait in the compressor for more: flush it out now.
    if (encoding) (out as zlib.Gzip | zlib.BrotliCompress).flush();
    void roomPreload(app, ctx, req, tag)
      .catch((err) => {
        req.log.warn({ err }, 'room preload failed');
        return null;
      })
      .then((preload) => {
        // The reader may have left meanwhile (the response then destroyed the stream).
        if (out.destroyed) return;
        if (preload) out.write(preloadScript(preload));
        out.end(html.slice(bodyEnd));
      });
    out.on('error', (err) => req.log.debug({ err }, 'room page not sent whole'));
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(out);
  };
  app.get('/', sendIndex);
  // Any other GET that is not the API is a client-side route of the app.
  app.get('/*', async (req, reply) => {
    const url = req.url.split('?')[0];
    // Machine paths (the API, OAuth, calendar feeds, discovery documents) never get the app's
    // HTML: an unknown or malformed one is a JSON 404, as a client or a calendar app expects.
    if (/^\/(api|oauth|calendar|nodeinfo|\.well-known)\//.test(url))
      return reply.status(404).send({ error: 'Record not found' });
    const file = path.join(dist, path.normalize(url));
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile())
      return reply.sendFile(path.relative(dist, file));
    return sendIndex(req, reply);
  });
};
