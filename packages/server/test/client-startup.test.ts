import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Endpoints Mastodon apps call as they start (each was a 404), as the Mastodon API reference shapes them. */
let server: TestServer;
let user: User;
beforeAll(async () => {
  server = await startTestServer();
  user = await registerUser(server.url);
});
afterAll(async () => server?.close());

describe('GET /api/v1/preferences', () => {
  it('gives the composer defaults under their Mastodon keys', async () => {
    const res = await user.api.get('/api/v1/preferences');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      'posting:default:visibility': 'public',
      'posting:default:sensitive': false,
      'posting:default:language': null,
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    });
  });

  it('needs a user', async () => {
    expect((await new Api(server.url).get('/api/v1/preferences')).status).toBe(401);
  });
});

describe('markers', () => {
  it('are absent until set, then kept per account and timeline with a growing version', async () => {
    const me = await registerUser(server.url);
    const other = await registerUser(server.url);
    expect((await me.api.get('/api/v1/markers?timeline[]=home&timeline[]=notifications')).body).toEqual({});

    const set = await me.api.post('/api/v1/markers', { home: { last_read_id: '103' } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      home: { last_read_id: '103', version: 1, updated_at: expect.stringMatching(/Z$/) },
    });
    // As a form, the way many apps send it.
    const form = await me.api.post(
      '/api/v1/markers',
      new URLSearchParams({ 'home[last_read_id]': '110', 'notifications[last_read_id]': '7' }),
    );
    expect(form.body.home).toMatchObject({ last_read_id: '110', version: 2 });
    expect(form.body.notifications).toMatchObject({ last_read_id: '7', version: 1 });

    const both = await me.api.get('/api/v1/markers?timeline[]=home&timeline[]=notifications');
    expect(both.body).toMatchObject({
      home: { last_read_id: '110', version: 2 },
      notifications: { last_read_id: '7', version: 1 },
    });
    const one = await me.api.get('/api/v1/markers?timeline=notifications');
    expect(Object.keys(one.body)).toEqual(['notifications']);
    expect((await other.api.get('/api/v1/markers?timeline[]=home')).body).toEqual({});
  });

  it('refuses a last_read_id that is not an id', async () => {
    const res = await user.api.post('/api/v1/markers', { home: { last_read_id: 'abc' } });
    expect(res.status).toBe(422);
  });
});
