import type { FastifyRequest } from 'fastify';

/**
 * Whether a request may carry the web session cookie: it names no `Origin` (non-browser
 * clients, and browsers' same-origin GETs), or the origin it names is this site's own, either
 * the public URL's or the one the browser addressed (`Host`, which a page cannot forge). A
 * page on another origin, even another port of the same host (cookies ignore ports), is not.
 */
export function fromOwnOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === new URL(publicUrl).origin) return true;
  try {
    // `Origin: null` (sandboxed frames, file://) and anything unparsable are foreign.
    const url = new URL(origin);
    return url.origin === origin && url.host === req.headers.host;
  } catch {
    return false;
  }
}
