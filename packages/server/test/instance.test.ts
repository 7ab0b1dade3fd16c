import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let anon: Api;

beforeAll(async () => {
  server = await startTestServer({ env: { MAX_STATUS_CHARS: '80' } });
  anon = new Api(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe('instance', () => {
  it('v1 reports limits, the streaming URL and counts', async () => {
    await registerUser(server.url);
    const res = await anon.get('/api/v1/instance');
    expect(res.status).toBe(200);
    expect(res.body.uri).toBe(new URL(server.url).host);
    expect(res.body.configuration.statuses.max_characters).toBe(80);
    expect(res.body.urls.streaming_api).toBe(server.url.replace(/^http/, 'ws'));
    expect(res.body.stats.user_count).toBeGreaterThanOrEqual(1);
    expect(res.body.version).toMatch(/^4\.\d+\.\d+/);
  });

  it('v2 reports configuration.statuses.max_characters and configuration.urls.streaming', async () => {
    const res = await anon.get('/api/v2/instance');
    expect(res.status).toBe(200);
    expect(res.body.domain).toBe(new URL(server.url).host);
    expect(res.body.configuration.statuses.max_characters).toBe(80);
    expect(res.body.configuration.urls.streaming).toBe(server.url.replace(/^http/, 'ws'));
    expect(res.body.registrations.enabled).toBe(true);
  });

  it('the first account is the admin and the contact', async () => {
    const res = await anon.get('/api/v2/instance');
    expect(res.body.contact.account).not.toBeNull();
    expect(res.body.contact.account.roles[0].name).toBe('admin');
  });

  it('MAX_STATUS_CHARS is enforced on posting', async () => {
    const { api } = await registerUser(server.url);
    expect((await api.post('/api/v1/statuses', { status: 'x'.repeat(80) })).status).toBe(200);
    const res = await api.post('/api/v1/statuses', { status: 'x'.repeat(81) });
    expect(res.status).toBe(422);
    expect(res.body.error).toContain('80');
  });
});

describe('closed registrations', () => {
  it('REGISTRATIONS_OPEN=false refuses sign-ups with 403 and says so in v2', async () => {
    const closed = await startTestServer({ env: { REGISTRATIONS_OPEN: 'false' } });
    try {
      const api = new Api(closed.url);
      expect((await api.get('/api/v2/instance')).body.registrations.enabled).toBe(false);
      const app = (
        await api.post('/api/v1/apps', {
          client_name: 'x',
          redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
          scopes: 'read write',
        })
      ).body;
      const tok = (
        await api.post('/oauth/token', {
          grant_type: 'client_credentials',
          client_id: app.client_id,
          client_secret: app.client_secret,
          scope: 'write',
        })
      ).body;
      const res = await api.as(tok.access_token).post('/api/v1/accounts', {
        username: 'x1',
        email: 'x1@example.org',
        password: 'long enough pw',
        agreement: true,
        locale: 'en',
      });
      expect(res.status).toBe(403);
    } finally {
      await closed.close();
    }
  });
});
