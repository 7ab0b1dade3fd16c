import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWithSession } from './live-helpers';
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
// biome-ignore lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
type StatusJson = { id: string; account: { id: string }; content: string; poll: any; pinned: boolean };
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

// Hot pages (services/timeline-pages.ts): a tag's and the public timeline's first page is made
// once for everyone and kept; each viewer's blocks, mutes and own flags are applied to it. Each
// answer here is held against the uncached path (`any[]=` the same tag skips the cache) and
// against what the change must do, read right after the change (well within the cache's TTL).
describe('hot tag pages', () => {
  let tag: string;
  let carol: User;
  const path = () => `/api/v1/timelines/tag/${tag}?limit=40`;
  const uncachedPath = () => `/api/v1/timelines/tag/${tag}?limit=40&any[]=${tag}`;
  /** The cached page and the uncached one, as `who` reads them: they must agree. */
  const read = async (who: Api) => {
    const [hot, cold] = await Promise.all([who.get(path()), who.get(uncachedPath())]);
    expect(hot.status).toBe(200);
    expect(hot.body).toEqual(cold.body);
    expect(hot.headers.get('link')).toBe(
      cold.headers.get('link')?.replaceAll(`&any%5B%5D=${tag}`, '') ?? null,
    );
    return hot.body as StatusJson[];
  };
  const statements = () => server.ctx.store.queries.statements;

  beforeAll(async () => {
    tag = `hot${Math.random().toString(36).slice(2, 8)}`;
    carol = await registerUser(server.url);
    for (let i = 0; i < 3; i++) await post(alice, `alice ${i} #${tag}`);
    for (let i = 0; i < 2; i++) await post(bob, `bob ${i} #${tag}`);
  });

  it('is served from memory: a warm read runs no statement for a reader with no account, one for a signed-in one', async () => {
    await read(anon);
    await read(carol.api);
    let before = statements();
    await anon.get(path());
    expect(statements() - before).toBe(0);
    before = statements();
    await carol.api.get(path());
    expect(statements() - before).toBe(1);
  });

  it('a new, deleted or edited status is seen by the next read', async () => {
    await read(carol.api);
    const fresh = await post(bob, `new #${tag}`);
    expect(ids(await read(carol.api))[0]).toBe(fresh);
    expect(ids(await read(anon))[0]).toBe(fresh);
    await bob.api.request('PUT', `/api/v1/statuses/${fresh}`, { status: `edited #${tag}` });
    expect((await read(anon))[0].content).toContain('edited');
    expect((await read(carol.api))[0].content).toContain('edited');
    // An edit that drops the hashtag takes the status off the tag's page.
    await bob.api.request('PUT', `/api/v1/statuses/${fresh}`, { status: 'no tag now' });
    expect(ids(await read(anon))).not.toContain(fresh);
    const gone = await post(bob, `to delete #${tag}`);
    expect(ids(await read(anon))).toContain(gone);
    expect((await bob.api.delete(`/api/v1/statuses/${gone}`)).status).toBe(200);
    expect(ids(await read(anon))).not.toContain(gone);
    expect(ids(await read(carol.api))).not.toContain(gone);
  });

  it('favourites, boosts, bookmarks, pins and votes are the viewer’s own', async () => {
    const [first] = await read(anon);
    const id = first.id;
    await carol.api.post(`/api/v1/statuses/${id}/favourite`);
    await carol.api.post(`/api/v1/statuses/${id}/bookmark`);
    await carol.api.post(`/api/v1/statuses/${id}/reblog`);
    const mine = (await read(carol.api)).find((s) => s.id === id)!;
    expect(mine).toMatchObject({ favourited: true, bookmarked: true, reblogged: true, pinned: false });
    const theirs = (await read(alice.api)).find((s) => s.id === id)!;
    expect(theirs).toMatchObject({ favourited: false, bookmarked: false, reblogged: false });
    expect((await read(anon)).find((s) => s.id === id)).toMatchObject({ favourited: false });

    const own = (await read(alice.api)).find((s) => s.account.id === alice.id)!;
    expect((await alice.api.post(`/api/v1/statuses/${own.id}/pin`)).status).toBe(200);
    expect((await read(alice.api)).find((s) => s.id === own.id)!.pinned).toBe(true);
    expect((await read(bob.api)).find((s) => s.id === own.id)!.pinned).toBe(false);

    const poll = await post(alice, `vote #${tag}`, { poll: { options: ['yes', 'no'], expires_in: 3600 } });
    await read(anon);
    const pollId = (await read(bob.api))[0].poll.id;
    expect((await bob.api.post(`/api/v1/polls/${pollId}/votes`, { choices: [1] })).status).toBe(200);
    const voted = (await read(bob.api))[0];
    expect(voted.id).toBe(poll);
    expect(voted.poll).toMatchObject({ voted: true, own_votes: [1] });
    expect((await read(carol.api))[0].poll).toMatchObject({ voted: false, own_votes: [] });
    expect((await read(anon))[0].poll.voted).toBeUndefined();
  });

  it('a block or a mute takes effect at the next read, for that viewer only', async () => {
    const bobs = (list: StatusJson[]) => list.filter((s) => s.account.id === bob.id).length;
    expect(bobs(await read(carol.api))).toBeGreaterThan(0);
    await carol.api.post(`/api/v1/accounts/${bob.id}/block`);
    expect(bobs(await read(carol.api))).toBe(0);
    expect(bobs(await read(alice.api))).toBeGreaterThan(0);
    // Blocked either way: bob no longer sees carol's statuses either (she has none here) and
    // alice's remain.
    expect((await read(bob.api)).length).toBeGreaterThan(0);
    await carol.api.post(`/api/v1/accounts/${bob.id}/unblock`);
    expect(bobs(await read(carol.api))).toBeGreaterThan(0);
    await carol.api.post(`/api/v1/accounts/${alice.id}/mute`);
    const muted = await read(carol.api);
    expect(muted.some((s) => s.account.id === alice.id)).toBe(false);
    expect(bobs(muted)).toBeGreaterThan(0);
    await carol.api.post(`/api/v1/accounts/${alice.id}/unmute`);
    expect((await read(carol.api)).some((s) => s.account.id === alice.id)).toBe(true);
  });

  it('a viewer’s filters apply (the page is read for them the uncached way)', async () => {
    const hidden = await post(alice, `spoilers ahead #${tag}`);
    const f = await carol.api.post('/api/v2/filters', {
      title: 'spoilers',
      context: ['public'],
      filter_action: 'hide',
      keywords_attributes: [{ keyword: 'spoilers' }],
    });
    expect(f.status).toBe(200);
    expect(ids(await read(carol.api))).not.toContain(hidden);
    expect(ids(await read(bob.api))).toContain(hidden);
  });
});

describe('hot pages and moderation', () => {
  it('a status hidden by the chat’s moderators leaves the page at once, for all but its author and the moderators', async () => {
    const { host, hashtag, sessionId } = await chatWithSession(server, { live: true });
    // Not the first accounts made here (the first is the server's admin, who moderates everything).
    const [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
    const rude = await post(bob, `rude #${hashtag}`);
    const fine = await post(alice, `fine #${hashtag}`);
    const page = async (who: Api) =>
      ids((await who.get(`/api/v1/timelines/tag/${hashtag}?limit=40`)).body as StatusJson[]);
    expect(await page(anon)).toEqual([fine, rude]);
    expect(await page(alice.api)).toEqual([fine, rude]);
    const hid = await host.api.post(`/api/v1/sessions/${sessionId}/moderation`, {
      action: 'hide',
      status_id: rude,
    });
    expect(hid.status).toBe(200);
    expect(await page(anon)).toEqual([fine]);
    expect(await page(alice.api)).toEqual([fine]);
    // What the visibility rule lets them see, as uncached.
    expect(await page(bob.api)).toEqual([fine, rude]);
    expect(await page(host.api)).toEqual([fine, rude]);
    await host.api.post(`/api/v1/sessions/${sessionId}/moderation`, { action: 'unhide', status_id: rude });
    expect(await page(anon)).toEqual([fine, rude]);
  });
});
