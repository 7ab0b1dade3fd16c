import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The web app's policy: its own scripts, styles and connections only (no inline script or
 * style: Vite emits none, and React sets `style` props through the CSSOM, which CSP allows),
 * images also from data: URLs, https (remote avatars) and blob: (the composer's preview of an
 * image being uploaded, a local file), never framed.
 */
export function appCsp(publicUrl: string): string {
  const streams = new URL(publicUrl).origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https: blob:",
    `connect-src 'self' ${streams}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

const hashes = new Map<string, string>();

/** The CSP source of an inline `<style>` holding exactly `css`. */
function styleSource(css: string): string {
  let source = hashes.get(css);
  if (!source) {
    source = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
    hashes.set(css, source);
  }
  return source;
}

/**
 * The policy of a server-rendered page (transcript, OAuth consent): only its one inline style
 * block (by hash), forms posting back here (and, for the consent form, on to the app's
 * redirect URI, which browsers check form-action against too). A page drawn in the app's
 * look (`app`) also loads the app's own stylesheet and scripts; no inline script ever.
 */
export function documentCsp(css: string, formTargets: string[] = [], app = false): string {
  return [
    "default-src 'none'",
    ...(app ? ["script-src 'self'"] : []),
    `style-src ${app ? "'self' " : ''}${styleSource(css)}`,
    "img-src 'self' data: https:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
  ].join('; ');
}

/**
 * Headers on every response: no MIME sniffing, no framing, no full URLs leaked to other
 * sites; and an HTML response that sets no policy of its own gets the web app's.
 */
export function installSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const csp = appCsp(publicUrl);
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (reply.hasHeader('content-security-policy')) return payload;
    if (type.startsWith('text/html')) reply.header('content-security-policy', csp);
    // An SVG opened by itself is a document that could run script: it gets to do nothing.
    else if (type.startsWith('image/svg+xml')) reply.header('content-security-policy', "default-src 'none'");
    return payload;
  });
}
