import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Favourites and bookmarks as lists, paged by their own ids in the order they were made. */
let server: TestServer;
let author: User;
beforeAll(async () => {
  server = await startTestServer();
  author = await registerUser(server.url);
});
afterAll(async () => server?.close());

const ids = (body: { id: string }[]) => body.map((s) => s.id);
const nextLink = (res: { headers: Headers }) => {
  const m = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '');
  return m ? new URL(m[1]).pathname + new URL(m[1]).search : null;
};
const post = async (u: User, status: string, visibility = 'public') =>
  (await u.api.post('/api/v1/statuses', { status, visibility })).body.id as string;

describe.each([
  ['favourites', 'favourite', 'unfavourite', 'favourited'],
  ['bookmarks', 'bookmark', 'unbookmark', 'bookmarked'],
] as const)('/api/v1/%s', (list, on, off, flag) => {
  it('lists in the order they were made, newest first, paged with Link headers', async () => {
    const me = await registerUser(server.url);
    const s = [await post(author, 'zero'), await post(author, 'one'), await post(author, 'two')];
    // Made out of status order: the list follows when, not which.
    for (const id of [s[2], s[0], s[1]])
      expect((await me.api.post(`/api/v1/statuses/${id}/${on}`)).status).toBe(200);
    const first = await me.api.get(`/api/v1/${list}?limit=2`);
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual([s[1], s[0]]);
    expect(first.body.every((x: Record<string, unknown>) => x[flag] === true)).toBe(true);
    const second = await me.api.get(nextLink(first)!);
    expect(ids(second.body)).toEqual([s[2]]);
  });

  it(`${on} and ${off} set the status's ${flag} flag, idempotently`, async () => {
    const me = await registerUser(server.url);
    const id = await post(author, 'flag me');
    expect((await me.api.post(`/api/v1/statuses/${id}/${on}`)).body[flag]).toBe(true);
    expect((await me.api.post(`/api/v1/statuses/${id}/${on}`)).body[flag]).toBe(true);
    expect((await me.api.get(`/api/v1/statuses/${id}`)).body[flag]).toBe(true);
    expect((await author.api.get(`/api/v1/statuses/${id}`)).body[flag]).toBe(false);
    expect(ids((await me.api.get(`/api/v1/${list}`)).body)).toEqual([id]);
    expect((await me.api.post(`/api/v1/statuses/${id}/${off}`)).body[flag]).toBe(false);
    expect((await me.api.get(`/api/v1/${list}`)).body).toEqual([]);
  });

  it('leave out a status the caller may no longer see, and 404 on one it may not see', async () => {
    const me = await registerUser(server.url);
    await me.api.post(`/api/v1/accounts/${author.id}/follow`);
    const priv = await post(author, 'followers only', 'private');
    const open = await post(author, 'for everyone');
    for (const id of [priv, open])
      expect((await me.api.post(`/api/v1/statuses/${id}/${on}`)).status).toBe(200);
    expect(ids((await me.api.get(`/api/v1/${list}`)).body)).toEqual([open, priv]);
    await me.api.post(`/api/v1/accounts/${author.id}/unfollow`);
    expect(ids((await me.api.get(`/api/v1/${list}`)).body)).toEqual([open]);
    expect((await me.api.post(`/api/v1/statuses/${priv}/${off}`)).status).toBe(404);
    const stranger = await registerUser(server.url);
    expect((await stranger.api.post(`/api/v1/statuses/${priv}/${on}`)).status).toBe(404);
    expect((await stranger.api.post('/api/v1/statuses/999999999/' + on)).status).toBe(404);
  });

  it('need a user', async () => {
    expect((await new Api(server.url).get(`/api/v1/${list}`)).status).toBe(401);
  });
});

it('bookmarking a reblog bookmarks the status it wraps', async () => {
  const [me, booster] = [await registerUser(server.url), await registerUser(server.url)];
  const original = await post(author, 'boosted');
  const wrapper = (await booster.api.post(`/api/v1/statuses/${original}/reblog`)).body.id;
  const res = await me.api.post(`/api/v1/statuses/${wrapper}/bookmark`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: original, bookmarked: true });
  expect(ids((await me.api.get('/api/v1/bookmarks')).body)).toEqual([original]);
});
