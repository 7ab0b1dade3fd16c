import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startInProcessServer } from './support/in-process';
import { parseLink } from './support/link';
import type { TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let anon: Api;
let alice: User;
let bob: User;

beforeAll(async () => {
  server = await startInProcessServer();
  anon = new Api(server.url);
  [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
});
afterAll(async () => {
  await server?.close();
});

const ids = (list: { id: string }[]) => list.map((s) => s.id);
const post = async (u: User, status: string, extra: Record<string, unknown> = {}) =>
  (await u.api.post('/api/v1/statuses', { status, ...extra })).body.id as string;

describe('tag timeline', () => {
  let s: Record<string, string>;
  beforeAll(async () => {
    s = {};
    s.red = await post(alice, 'apples #Red');
    s.redGreen = await post(bob, 'mixed #RED #green');
    s.green = await post(alice, 'leaves #green');
    s.redBlue = await post(bob, 'purple #red #blue');
    s.blue = await post(alice, 'sky #blue');
  });

  it.each([
    ['red', '', ['redBlue', 'redGreen', 'red']],
    ['RED', '', ['redBlue', 'redGreen', 'red']],
    ['Red', '', ['redBlue', 'redGreen', 'red']],
    ['red', 'any[]=blue', ['blue', 'redBlue', 'redGreen', 'red']],
    ['red', 'any[]=green&any[]=blue', ['blue', 'redBlue', 'green', 'redGreen', 'red']],
    ['red', 'all[]=green', ['redGreen']],
    ['red', 'all[]=GREEN&all[]=blue', []],
    ['red', 'all[]=nevertagged', []],
    ['red', 'none[]=blue', ['redGreen', 'red']],
    ['red', 'none[]=blue&none[]=green', ['red']],
    ['red', 'any[]=green&none[]=red', ['green']],
    ['nevertagged', '', []],
    ['%23red', '', ['redBlue', 'redGreen', 'red']],
    ['%EF%BC%83red', '', ['redBlue', 'redGreen', 'red']],
  ])('#%s ?%s', async (tag, query, expected) => {
    const res = await anon.get(`/api/v1/timelines/tag/${tag}?${query}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expected.map((k) => s[k]));
  });

  it('a statuses with the tag twice in different case appears once', async () => {
    const id = await post(alice, '#Twice and #TWICE');
    expect(ids((await anon.get('/api/v1/timelines/tag/twice')).body)).toEqual([id]);
  });

  it('excludes reblogs, unlisted, private and direct statuses', async () => {
    const pub = await post(alice, 'visible #onlypublic');
    await post(alice, 'unlisted #onlypublic', { visibility: 'unlisted' });
    await post(alice, 'private #onlypublic', { visibility: 'private' });
    await post(alice, 'direct #onlypublic', { visibility: 'direct' });
    await bob.api.post(`/api/v1/statuses/${pub}/reblog`);
    expect(ids((await alice.api.get('/api/v1/timelines/tag/onlypublic')).body)).toEqual([pub]);
  });
});

describe('pagination', () => {
  let all: string[]; // newest first
  beforeAll(async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push(await post(alice, `page ${i} #paging`));
    all = made.reverse();
  });
  const page = async (q: string) => ids((await anon.get(`/api/v1/timelines/tag/paging?${q}`)).body);

  it.each([
    ['limit=3', () => all.slice(0, 3)],
    ['max_id', () => all.slice(3, 6), (a: string[]) => `max_id=${a[2]}&limit=3`],
    [
      'since_id returns the newest above it',
      () => all.slice(0, 2),
      (a: string[]) => `since_id=${a[5]}&limit=2`,
    ],
    ['min_id returns the oldest above it', () => all.slice(3, 5), (a: string[]) => `min_id=${a[5]}&limit=2`],
    [
      'max_id and since_id together',
      () => all.slice(2, 4),
      (a: string[]) => `max_id=${a[1]}&since_id=${a[4]}`,
    ],
  ] as [string, () => string[], ((a: string[]) => string)?][])('%s', async (_n, expected, query) => {
    expect(await page(query ? query(all) : _n)).toEqual(expected());
  });

  it('limit is capped at 40 and must be positive', async () => {
    expect((await anon.get('/api/v1/timelines/tag/paging?limit=0')).status).toBe(422);
    expect((await anon.get('/api/v1/timelines/tag/paging?limit=1000')).status).toBe(200);
  });

  it('following Link next walks every status once, and prev walks back', async () => {
    const seen: string[] = [];
    let path = '/api/v1/timelines/tag/paging?limit=3';
    const pages: string[][] = [];
    for (let i = 0; i < 5 && path; i++) {
      const res = await anon.get(path);
      if (res.body.length === 0) break;
      pages.push(ids(res.body));
      seen.push(...ids(res.body));
      path = parseLink(res.headers.get('link')).next;
      expect(path).toContain('limit=3');
    }
    expect(seen).toEqual(all);
    const second = await anon.get(`/api/v1/timelines/tag/paging?limit=3&max_id=${all[2]}`);
    const prev = await anon.get(parseLink(second.headers.get('link')).prev);
    expect(ids(prev.body)).toEqual(all.slice(0, 3));
  });

  it('the Link header keeps any[]/all[]/none[] filters', async () => {
    const res = await anon.get('/api/v1/timelines/tag/paging?limit=2&none[]=nothing&any[]=alsonothing');
    const next = parseLink(res.headers.get('link')).next;
    const q = new URL(next, server.url).searchParams;
    expect(q.getAll('none[]')).toEqual(['nothing']);
    expect(q.getAll('any[]')).toEqual(['alsonothing']);
    expect(ids((await anon.get(next)).body)).toEqual(all.slice(2, 4));
  });

  it('an empty page has no Link header', async () => {
    const res = await anon.get(`/api/v1/timelines/tag/paging?since_id=${all[0]}`);
    expect(res.body).toEqual([]);
    expect(res.headers.get('link')).toBeNull();
  });
});

describe('home timeline', () => {
  it('has own statuses, followed accounts and followed hashtags, newest first', async () => {
    const me = await registerUser(server.url);
    const friend = await registerUser(server.url);
    const stranger = await registerUser(server.url);
    await me.api.post(`/api/v1/accounts/${friend.id}/follow`);
    await me.api.post('/api/v1/tags/HomeTag/follow');
    const own = await post(me, 'mine');
    const fromFriend = await post(friend, 'friend says');
    const friendPrivate = await post(friend, 'friends only', { visibility: 'private' });
    const fromStranger = await post(stranger, 'stranger says');
    const strangerTagged = await post(stranger, 'about #hometag');
    const strangerTaggedPrivate = await post(stranger, 'private #hometag', { visibility: 'private' });
    const home = ids((await me.api.get('/api/v1/timelines/home')).body);
    expect(home).toEqual([strangerTagged, friendPrivate, fromFriend, own]);
    expect(home).not.toContain(fromStranger);
    expect(home).not.toContain(strangerTaggedPrivate);
  });

  it('does not duplicate a followed account status that also has a followed tag, and pages', async () => {
    const me = await registerUser(server.url);
    const friend = await registerUser(server.url);
    await me.api.post(`/api/v1/accounts/${friend.id}/follow`);
    await me.api.post('/api/v1/tags/both/follow');
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push(await post(friend, `#both ${i}`));
    const first = await me.api.get('/api/v1/timelines/home?limit=3');
    expect(ids(first.body)).toEqual(made.slice().reverse().slice(0, 3));
    const next = await me.api.get(parseLink(first.headers.get('link')).next);
    expect(ids(next.body)).toEqual([made[0]]);
  });

  it('needs a user token', async () => {
    expect((await anon.get('/api/v1/timelines/home')).status).toBe(401);
  });
});

describe('public timeline', () => {
  it('has public originals only, newest first', async () => {
    const pub = await post(bob, 'public one');
    await post(bob, 'unlisted one', { visibility: 'unlisted' });
    await alice.api.post(`/api/v1/statuses/${pub}/reblog`);
    const latest = await post(alice, 'public two');
    const list = ids((await anon.get('/api/v1/timelines/public?limit=2')).body);
    expect(list).toEqual([latest, pub]);
  });

  it('remote=true and only_media=true are empty (nothing federates here)', async () => {
    expect((await anon.get('/api/v1/timelines/public?remote=true')).body).toEqual([]);
    expect((await anon.get('/api/v1/timelines/public?only_media=true')).body).toEqual([]);
    expect((await anon.get('/api/v1/timelines/public?local=true')).body.length).toBeGreaterThan(0);
  });
});
