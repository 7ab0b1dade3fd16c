import { featuredTagSchema } from '@hashchat/api/entities/featured-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Pinned statuses and featured hashtags: what a profile shows first. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const user = () => registerUser(server.url);
const post = async (u: User, status: string, extra: Record<string, unknown> = {}) =>
  (await u.api.post('/api/v1/statuses', { status, ...extra })).body.id as string;
const ids = (body: { id: string }[]) => body.map((s) => s.id);

describe('pinned statuses', () => {
  it('pin and unpin set `pinned` for the author only; ?pinned=true lists them, latest pinned first', async () => {
    const [me, other] = [await user(), await user()];
    const a = await post(me, 'first');
    const b = await post(me, 'second', { visibility: 'unlisted' });
    await post(me, 'not pinned');
    const pinned = await me.api.post(`/api/v1/statuses/${b}/pin`);
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ id: b, pinned: true });
    expect((await me.api.post(`/api/v1/statuses/${a}/pin`)).body.pinned).toBe(true);
    // Twice is once.
    expect((await me.api.post(`/api/v1/statuses/${a}/pin`)).status).toBe(200);
    expect((await me.api.get(`/api/v1/statuses/${a}`)).body.pinned).toBe(true);
    expect((await other.api.get(`/api/v1/statuses/${a}`)).body.pinned).toBe(false);
    const list = await new Api(server.url).get(`/api/v1/accounts/${me.id}/statuses?pinned=true`);
    expect(ids(list.body)).toEqual([a, b]);
    expect((await me.api.get(`/api/v1/accounts/${me.id}/statuses?pinned=true&max_id=${a}`)).body).toEqual([]);
    expect((await me.api.post(`/api/v1/statuses/${a}/unpin`)).body.pinned).toBe(false);
    expect(ids((await me.api.get(`/api/v1/accounts/${me.id}/statuses?pinned=true`)).body)).toEqual([b]);
  });

  it.each([
    ['a boost', 'reblog', 'Validation failed: A boost cannot be pinned'],
    ["someone else's", 'other', "Validation failed: Someone else's post cannot be pinned"],
    ['followers-only', 'private', 'Validation failed: Non-public posts cannot be pinned'],
    ['direct', 'direct', 'Validation failed: Non-public posts cannot be pinned'],
  ])('refuse %s with a 422', async (_, kind, error) => {
    const [me, other] = [await user(), await user()];
    let id: string;
    if (kind === 'reblog')
      id = (await me.api.post(`/api/v1/statuses/${await post(other, 'x')}/reblog`)).body.id;
    else if (kind === 'other') id = await post(other, 'theirs');
    else id = await post(me, `@${other.username} hi`, { visibility: kind });
    const res = await me.api.post(`/api/v1/statuses/${id}/pin`);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error });
    expect((await me.api.get(`/api/v1/accounts/${me.id}/statuses?pinned=true`)).body).toEqual([]);
  });

  it('stop at five; a status the caller may not see is a 404', async () => {
    const [me, other] = [await user(), await user()];
    for (let i = 0; i < 5; i++)
      expect((await me.api.post(`/api/v1/statuses/${await post(me, `s${i}`)}/pin`)).status).toBe(200);
    const sixth = await me.api.post(`/api/v1/statuses/${await post(me, 'sixth')}/pin`);
    expect(sixth.status).toBe(422);
    expect(sixth.body.error).toBe('Validation failed: You have already pinned the maximum number of posts');
    const secret = await post(other, 'followers only', { visibility: 'private' });
    expect((await me.api.post(`/api/v1/statuses/${secret}/pin`)).status).toBe(404);
    expect((await me.api.post('/api/v1/statuses/999999999/unpin')).status).toBe(404);
  });
});

describe('featured tags', () => {
  it('feature a hashtag with its use counted; list, read from the profile, remove', async () => {
    const me = await user();
    await post(me, 'talking #DevChat');
    await post(me, 'again #devchat');
    await post(me, 'quiet #devchat', { visibility: 'private' });
    const made = await me.api.post('/api/v1/featured_tags', { name: '#DevChat' });
    expect(made.status).toBe(200);
    expect(featuredTagSchema.strict().parse(made.body)).toEqual({
      id: expect.any(String),
      name: 'DevChat',
      url: `${server.url}/@${me.username}/tagged/devchat`,
      statuses_count: 2,
      last_status_at: new Date().toISOString().slice(0, 10),
    });
    const unused = (await me.api.post('/api/v1/featured_tags', { name: 'NeverUsed' })).body;
    expect(unused).toMatchObject({ statuses_count: 0, last_status_at: null });
    expect((await me.api.get('/api/v1/featured_tags')).body).toEqual([made.body, unused]);
    expect((await new Api(server.url).get(`/api/v1/accounts/${me.id}/featured_tags`)).body).toEqual([
      made.body,
      unused,
    ]);
    const twice = await me.api.post('/api/v1/featured_tags', { name: 'devchat' });
    expect(twice.status).toBe(422);
    expect((await (await user()).api.delete(`/api/v1/featured_tags/${made.body.id}`)).status).toBe(404);
    expect((await me.api.delete(`/api/v1/featured_tags/${made.body.id}`)).body).toEqual({});
    expect((await me.api.get('/api/v1/featured_tags')).body).toEqual([unused]);
  });

  it('suggest the hashtags used most and not featured; refuse bad names and an eleventh', async () => {
    const me = await user();
    await post(me, '#alpha #beta');
    await post(me, '#beta');
    await me.api.post('/api/v1/featured_tags', { name: 'gamma' });
    const s = await me.api.get('/api/v1/featured_tags/suggestions');
    expect(s.body.map((t: { name: string }) => t.name)).toEqual(['beta', 'alpha']);
    expect((await me.api.post('/api/v1/featured_tags', { name: 'not a tag!' })).status).toBe(422);
    expect((await me.api.post('/api/v1/featured_tags', {})).status).toBe(422);
    for (let i = 1; i < 10; i++)
      expect((await me.api.post('/api/v1/featured_tags', { name: `t${i}x` })).status).toBe(200);
    expect((await me.api.post('/api/v1/featured_tags', { name: 'eleventh' })).status).toBe(422);
    expect((await me.api.get('/api/v1/featured_tags')).body).toHaveLength(10);
    expect((await new Api(server.url).get('/api/v1/accounts/999999999/featured_tags')).status).toBe(404);
  });

  it('the instance says how many pins and featured hashtags a profile may have', async () => {
    const v2 = (await new Api(server.url).get('/api/v2/instance')).body;
    expect(v2.configuration.accounts).toEqual({ max_featured_tags: 10, max_pinned_statuses: 5 });
  });
});
