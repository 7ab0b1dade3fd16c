import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

/** How real Mastodon clients send parameters: repeated, in the URL of a POST, or ones we lack. */
let server: TestServer;
let user: Awaited<ReturnType<typeof registerUser>>;
const tag = `params${Date.now()}`;
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  user = await registerUser(server.url);
  for (const n of [1, 2, 3, 4])
    ids.push((await user.api.post('/api/v1/statuses', { status: `${n} #${tag}` })).body.id);
});
afterAll(async () => server?.close());

describe('repeated query parameters', () => {
  it('take the last value, as Rails does (toot appends its own limit to the Link URL)', async () => {
    const res = await user.api.get(`/api/v1/timelines/tag/${tag}?limit=1&max_id=${ids[3]}&limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
  });

  it('work on a Link URL followed with the client’s own parameters appended', async () => {
    const first = await user.api.get(`/api/v1/timelines/tag/${tag}?limit=2`);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1];
    const res = await user.api.get(`${new URL(next).pathname}${new URL(next).search}&limit=2&local=false`);
    expect(res.status).toBe(200);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([ids[1], ids[0]]);
  });

  it('leave `key[]` lists as lists', async () => {
    const other = await registerUser(server.url);
    const res = await user.api.get(`/api/v1/accounts/relationships?id[]=${other.id}&id[]=${user.id}`);
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([other.id, user.id]);
  });
});

describe('parameters in the query string of a POST', () => {
  it('are read like body parameters (mastodon-api posts /statuses?status=…)', async () => {
    const res = await user.api.post(
      `/api/v1/statuses?status=${encodeURIComponent('from the query')}&visibility=unlisted`,
    );
    expect(res.status).toBe(200);
    expect(res.body.content).toContain('from the query');
    expect(res.body.visibility).toBe('unlisted');
  });

  it('lose to the body on a conflict', async () => {
    const res = await user.api.post('/api/v1/statuses?status=query', { status: 'body wins' });
    expect(res.status).toBe(200);
    expect(res.body.content).toContain('body wins');
  });

  it('still authenticate with access_token in the URL', async () => {
    const anon = new Api(server.url);
    const res = await anon.post(`/api/v1/statuses?access_token=${user.token}&status=token%20in%20url`);
    expect(res.status).toBe(200);
    expect(res.body.account.id).toBe(user.id);
  });
});

describe('Mastodon parameters this server does not support', () => {
  it('empty values and junk parameters clients add are accepted', async () => {
    const res = await user.api.post('/api/v1/statuses?_=1700000000', {
      status: 'plain',
      media_ids: [],
      poll: null,
      scheduled_at: null,
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['fields_attributes', { fields_attributes: [{ name: 'Site', value: 'https://example.org' }] }],
    ['locked', { locked: true }],
    ['bot', { bot: 'true' }],
  ])('update_credentials: %s is a 422 naming it', async (name, body) => {
    const res = await user.api.patch('/api/v1/accounts/update_credentials', body);
    expect(res.status).toBe(422);
    expect(res.body.error).toBe(`Validation failed: ${name} is not supported by this server`);
  });

  it('update_credentials: values that change nothing pass, as apps send the whole form', async () => {
    const form = new URLSearchParams([
      ['display_name', 'Same Form'],
      ['locked', 'false'],
      ['bot', 'false'],
      ['fields_attributes[0][name]', ''],
      ['fields_attributes[0][value]', ''],
    ]);
    const res = await user.api.request('PATCH', '/api/v1/accounts/update_credentials', form);
    expect(res.status).toBe(200);
    expect(res.body.display_name).toBe('Same Form');
  });
});
