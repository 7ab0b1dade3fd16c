import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type Encoding = 'br' | 'gzip';

declare module 'fastify' {
  interface FastifyInstance {
    /** HTTP_COMPRESSION: whether answers are compressed (installCompression). */
    httpCompression: boolean;
  }
}

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Text worth compressing: JSON (Mastodon, ActivityPub, JRD), HTML, CSV, iCalendar, XML, SVG. */
const COMPRESSIBLE = /^(application\/([\w.+-]*json|xml|xhtml\+xml)|text\/|image\/svg\+xml)/i;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Made once per request, an answer is compressed at the fastest levels (nginx's default is gzip
// level 1): a 63 KB page of 40 statuses takes ~0.2 ms at brotli 1 (a tenth of its size) against
// ~0.7 ms at brotli 4, for 12% fewer bytes. Cached answers, made once and sent many times, take
// more time for fewer bytes.
const BROTLI_ONCE = {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 20 },
};
const GZIP_ONCE = { level: 1 };
const BROTLI_CACHED = {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 20 },
};
const GZIP_CACHED = { level: 6 };

let lastHeader = '';
let lastChoice: Encoding | null = null;

/**
 * The encoding to answer with, from an Accept-Encoding header: br or gzip, whichever has the
 * higher q (br on a tie), never one the client refused with q=0; `*` stands for both.
 */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const text = String(header);
  // Clients send the same header on every request: parse each new one once.
  if (text !== lastHeader) {
    lastHeader = text;
    lastChoice = parseAcceptEncoding(text);
  }
  return lastChoice;
}

function parseAcceptEncoding(header: string): Encoding | null {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, weight);
  }
  const of = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const br = of('br');
  const gz = of('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

const uncompressed = new WeakSet<FastifyReply>();

/**
 * Marks an answer that carries a secret (a CSRF token, an access token, a client secret) to go
 * as it is. Compressed beside text an attacker chooses (an OAuth page repeats its query), its
 * length would tell the secret a byte at a time (BREACH).
 */
export function keepUncompressed(reply: FastifyReply): FastifyReply {
  uncompressed.add(reply);
  return reply;
}

function compressible(reply: FastifyReply, bytes: number): boolean {
  if (uncompressed.has(reply)) return false;
  if (bytes < MIN_COMPRESSED_BYTES || reply.statusCode === 204 || reply.statusCode === 304) return false;
  if (reply.hasHeader('content-encoding')) return false;
  return COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''));
}

/** Adds Accept-Encoding to the answer's Vary, keeping what is there. */
function varyOnEncoding(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  if (/(^|,)\s*(\*|accept-encoding)\s*(,|$)/i.test(vary)) return;
  reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * Above this an answer is compressed on libuv's threads; below it, at once on the event loop.
 * Measured on a 50 KB page at brotli 1: ~0.2 ms of CPU at once against ~0.6 ms through the
 * asynchronous stream (thread hand-offs and a stream per call), so small answers are cheaper
 * done here, and a large one (a transcript, an export) does not hold the loop.
 */
export const SYNC_MAX_CHARS = 128 * 1024;

function encodeNow(body: string | Buffer, encoding: Encoding): Buffer | Promise<Buffer> {
  if (body.length <= SYNC_MAX_CHARS)
    return encoding === 'br' ? zlib.brotliCompressSync(body, BROTLI_ONCE) : zlib.gzipSync(body, GZIP_ONCE);
  return encoding === 'br' ? brotli(body, BROTLI_ONCE) : gzip(body, GZIP_ONCE);
}

/**
 * Compresses text answers of a kilobyte or more for clients that accept br or gzip (every
 * Mastodon app and browser does): a timeline page is a tenth of its size on a phone's link.
 * Streams (SSE, files the static plugin sends already compressed) pass untouched: only whole
 * string or Buffer answers are compressed.
 */
export function installCompression(app: FastifyInstance, enabled: boolean): void {
  // Routes (in their own plugin scopes) see the root's decorators: encodedOnce reads it there.
  app.decorate('httpCompression', enabled);
  if (!enabled) return;
  app.addHook('onSend', (req, reply, payload, done) => {
    const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : null;
    if (body === null || req.method === 'HEAD') return done(null, payload);
    // A string's length in UTF-16 units is at most its UTF-8 length: no scan of every answer.
    if (!compressible(reply, body.length)) return done(null, payload);
    varyOnEncoding(reply);
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return done(null, payload);
    const sent = (out: Buffer) => {
      reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      done(null, out);
    };
    let out: Buffer | Promise<Buffer>;
    try {
      out = encodeNow(body, encoding);
    } catch (err) {
      return done(err as Error);
    }
    if (Buffer.isBuffer(out)) sent(out);
    else out.then(sent, (err) => done(err));
  });
}

const cached = new WeakMap<object, Partial<Record<Encoding, Buffer>>>();

/**
 * An answer the hot-page cache keeps (one object per version of a page) as sent to a client
 * that accepts compression: compressed once, on the first such read, and sent as is after.
 */
export function encodedOnce(
  req: FastifyRequest,
  reply: FastifyReply,
  key: object,
  text: string,
): Buffer | string {
  if (!reply.server.httpCompression || text.length < MIN_COMPRESSED_BYTES) return text;
  varyOnEncoding(reply);
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (!encoding) return text;
  let forms = cached.get(key);
  if (!forms) {
    forms = {};
    cached.set(key, forms);
  }
  forms[encoding] ??=
    encoding === 'br' ? zlib.brotliCompressSync(text, BROTLI_CACHED) : zlib.gzipSync(text, GZIP_CACHED);
  reply.header('content-encoding', encoding);
  return forms[encoding];
}
