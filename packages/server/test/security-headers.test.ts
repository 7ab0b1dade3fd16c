import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './support/oauth';
import { type Seeded, seedTranscript } from './transcript-seed';

/** Web pages get a Content-Security-Policy and every response the other security headers. */
let seed: Seeded;
let base: string;

beforeAll(async () => {
  seed = await seedTranscript();
  base = seed.server.url;
});
afterAll(async () => {
  await seed?.server.close();
});

/** A policy as directive → sources. */
function directives(csp: string | null): Record<string, string[]> {
  expect(csp).not.toBeNull();
  return Object.fromEntries(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The inline `<style>` blocks of a page, each as the CSP hash source that allows it. */
const styleHashes = (html: string) =>
  [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );

const asset = () => {
  const dir = path.resolve(import.meta.dirname, '../../web/dist/assets');
  return `/assets/${fs.readdirSync(dir).find((f) => f.endsWith('.js'))}`;
};

describe('headers on every response', () => {
  it.each([
    ['the web app', () => '/'],
    ['a client-side route', () => '/chats'],
    ['a script of the app', asset],
    ['an API entity', () => '/api/v1/instance'],
    ['an API 404', () => '/api/v1/nothing-here'],
    ['the transcript page', () => `/sessions/${seed.sessionId}`],
    ['an avatar', () => '/avatars/1.svg'],
  ])('%s: nosniff, no framing, same-origin referrers', async (_what, url) => {
    const res = await fetch(`${base}${url()}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    await res.body?.cancel();
  });

  it('an SVG opened by itself may load and run nothing', async () => {
    const res = await fetch(`${base}/avatars/1.svg`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
  });

  it('a stream says nosniff too', async () => {
    const res = await fetch(`${base}/api/v1/streaming/public`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.body?.cancel();
  });
});

describe('Content-Security-Policy', () => {
  it.each(['/', '/chats/some-route'])(
    'the web app at %s: own scripts, styles and connections only',
    async (url) => {
      const res = await fetch(`${base}${url}`);
      const html = await res.text();
      const ws = base.replace(/^http/, 'ws');
      expect(directives(res.headers.get('content-security-policy'))).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'https:', 'blob:'],
        'connect-src': ["'self'", ws],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
      });
      // What the policy would refuse is not in the page: no inline script, style or handler.
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\//);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    },
  );

  it('the transcript HTML export: no script, and only its own inline style, by hash', async () => {
    const res = await fetch(`${base}/api/v1/sessions/${seed.sessionId}/transcript.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const policy = directives(res.headers.get('content-security-policy'));
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toBeUndefined();
    expect(policy['style-src']).toEqual([...new Set(styleHashes(html))]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script|\sstyle=/);
  });

  it.each([
    ['the transcript page', () => `/sessions/${seed.sessionId}`, 200],
    ['a missing transcript', () => '/sessions/999999999', 404],
  ])(
    "%s: the app's own stylesheet and script, its inline style by hash, no inline script",
    async (_what, url, status) => {
      const res = await fetch(`${base}${url()}`);
      expect(res.status).toBe(status);
      const html = await res.text();
      const policy = directives(res.headers.get('content-security-policy'));
      expect(policy['default-src']).toEqual(["'none'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['style-src']).toEqual(["'self'", ...new Set(styleHashes(html))]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'none'"]);
      // Every script is a file of the app's build; no inline script, no style attribute.
      for (const [tag] of html.matchAll(/<script[^>]*>/g)) expect(tag).toMatch(/ src="\/assets\/[^"]+\.js"/);
      expect(html).not.toMatch(/<script[^>]*>[^<]|\sstyle=/);
    },
  );

  it.each([
    ['urn:ietf:wg:oauth:2.0:oob', ["'self'"]],
    ['https://client.example/callback?x=1', ["'self'", 'https://client.example']],
    ['org.example.app:/oauth', ["'self'", 'org.example.app:']],
  ])(
    'the OAuth consent page for %s: its style by hash, forms to here and the redirect URI',
    async (redirectUri, formAction) => {
      const app = await createApp(base, 'read', redirectUri);
      const q = new URLSearchParams({
        response_type: 'code',
        client_id: app.client_id,
        redirect_uri: redirectUri,
        scope: 'read',
      });
      const res = await fetch(`${base}/oauth/authorize?${q}`);
      expect(res.status).toBe(200);
      const policy = directives(res.headers.get('content-security-policy'));
      expect(policy['default-src']).toEqual(["'none'"]);
      expect(policy['style-src']).toEqual(styleHashes(await res.text()));
      expect(policy['form-action']).toEqual(formAction);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );
});
