import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The discovery documents: what crawlers (NodeInfo) and apps (OAuth metadata) fetch first. */
let server: TestServer;
let anon: Api;
beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
});
afterAll(async () => server?.close());

describe('NodeInfo', () => {
  it('/.well-known/nodeinfo links NodeInfo 2.0 and 2.1', async () => {
    const res = await anon.get('/.well-known/nodeinfo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.body.links).toEqual([
      { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${server.url}/nodeinfo/2.0` },
      { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${server.url}/nodeinfo/2.1` },
    ]);
  });

  it.each(['2.0', '2.1'])('/nodeinfo/%s names the software and counts users and posts', async (v) => {
    const a = await registerUser(server.url);
    await registerUser(server.url);
    await a.api.post('/api/v1/statuses', { status: 'counted' });
    const res = await anon.get(`/nodeinfo/${v}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(`schema/${v}#`);
    expect(res.body).toMatchObject({
      version: v,
      software: { name: 'hashchat', version },
      protocols: ['activitypub'],
      openRegistrations: true,
      // The API it speaks, which megalodon's detector() reads for software it does not know.
      metadata: { upstream: { name: 'mastodon', version: expect.stringMatching(/^4\.\d+\.\d+$/) } },
    });
    const { users, localPosts } = res.body.usage;
    expect(users.total).toBeGreaterThanOrEqual(2);
    expect(users.activeMonth).toBeGreaterThanOrEqual(1);
    expect(users.activeMonth).toBeLessThan(users.total);
    expect(users.activeHalfyear).toBeGreaterThanOrEqual(users.activeMonth);
    expect(localPosts).toBeGreaterThanOrEqual(1);
  });
});

describe('host-meta and OAuth server metadata', () => {
  it.each([
    '/.well-known/host-meta',
    '/.well-known/oauth-authorization-server',
    '/.well-known/nodeinfo',
    '/nodeinfo/2.0',
  ])('%s may be read by a web app on another origin (Phanpy fetches it before sign-in)', async (path) => {
    const res = await fetch(`${server.url}${path}`, { headers: { origin: 'https://phanpy.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('/.well-known/host-meta is an XRD with the WebFinger template', async () => {
    const res = await anon.get('/.well-known/host-meta');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xrd\+xml/);
    expect(res.body).toContain(`template="${server.url}/.well-known/webfinger?resource={uri}"`);
  });

  it('/.well-known/oauth-authorization-server describes the endpoints as RFC 8414 asks', async () => {
    const res = await anon.get('/.well-known/oauth-authorization-server');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: `${server.url}/`,
      authorization_endpoint: `${server.url}/oauth/authorize`,
      token_endpoint: `${server.url}/oauth/token`,
      revocation_endpoint: `${server.url}/oauth/revoke`,
      app_registration_endpoint: `${server.url}/api/v1/apps`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
    });
    expect(res.body.scopes_supported).toEqual(
      expect.arrayContaining(['read', 'write', 'follow', 'push', 'read:statuses']),
    );
    expect(res.body.token_endpoint_auth_methods_supported).toContain('client_secret_post');
  });

  it.each(['/.well-known/webfinger?resource=acct:nobody@x', '/.well-known/unknown', '/nodeinfo/9.9'])(
    '%s is a JSON 404, never the web app’s HTML',
    async (path) => {
      const res = await anon.get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
    },
  );
});
