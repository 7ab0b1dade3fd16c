// biome-ignore-all lint/suspicious/noExplicitAny: the driver's JSON is read field by field.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ClientUser, consentCode, pngFile, registerUser, run, tempDir } from './support';

/**
 * Mastodon.py 1.8 (Debian's python3-mastodon) drives the server through its own methods: the
 * driver script signs in through OAuth, performs every step a daily client needs and prints what
 * it got back; this file checks that against the server's state.
 */
const PYTHON = '/usr/bin/python3';
const DRIVER = path.join(import.meta.dirname, 'mastodon_py_driver.py');
const TAG = 'MastoPyDay';

let server: TestServer;
let me: ClientUser;
let other: ClientUser;
let results: Record<string, { ok?: any; error?: string; trace?: string }>;
const tmp = tempDir('hashchat-mastodon-py-');

async function driver(mode: 'app' | 'run', env: Record<string, string>): Promise<any> {
  const out = await run(PYTHON, [DRIVER, mode], { HASHCHAT_URL: server.url, ...env }, { timeoutMs: 90_000 });
  if (out.code !== 0) throw new Error(`driver ${mode} exited ${out.code}: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

beforeAll(async () => {
  server = await startTestServer();
  me = await registerUser(server.url);
  other = await registerUser(server.url);
  const app = await driver('app', {});
  expect(new URL(app.auth_url).pathname).toBe('/oauth/authorize');
  const code = await consentCode(server.url, app.client_id, me.username, 'read write follow push');
  const image = await pngFile(tmp.dir);
  results = await driver('run', {
    CLIENT_ID: app.client_id,
    CLIENT_SECRET: app.client_secret,
    CODE: code,
    OTHER_TOKEN: other.token,
    TAG,
    IMAGE: image.file,
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

/** The value a step returned; fails with the client's error when it raised. */
function ok(step: string): any {
  const r = results[step];
  if (!r) throw new Error(`step ${step} did not run`);
  if ('error' in r) throw new Error(`${step}: ${r.error}\n${r.trace}`);
  return r.ok;
}

describe('Mastodon.py 1.8', () => {
  it('signs in through OAuth and verifies its credentials', () => {
    expect(ok('log_in')).toBe(true);
    expect(ok('account_verify_credentials')).toEqual({ id: me.id, username: me.username });
  });

  it('reads the instance, its NodeInfo, rules and custom emoji', () => {
    expect(ok('instance').version).toMatch(/^4\.\d+\.\d+/);
    expect(ok('instance_nodeinfo')).toMatchObject({ name: 'hashchat' });
    expect(ok('instance_rules')).toBeGreaterThanOrEqual(0);
    expect(ok('custom_emojis')).toEqual([]);
  });

  it('posts, replies, favourites, boosts and bookmarks', async () => {
    const posted = ok('status_post');
    expect(posted.tags).toEqual([TAG]);
    expect(ok('status')).toBe(posted.id);
    expect(ok('status_reply')).toBe(posted.id);
    expect(ok('status_context')).toBe(1);
    expect(ok('status_favourite')).toBe(true);
    expect(ok('status_reblog')).toBe(posted.id);
    expect(ok('status_bookmark')).toBe(true);
    expect(ok('bookmarks')).toEqual([posted.id]);
    expect(ok('favourites')).toEqual([posted.id]);
  });

  it('edits a status and reads its history and source', () => {
    expect(ok('status_update')).toEqual({
      content: expect.stringContaining('edited'),
      edited: true,
    });
    expect(ok('status_history')).toBe(2);
    expect(ok('status_source')).toBe(`Hello, edited, from Mastodon.py #${TAG}`);
  });

  it('creates a poll another user votes on', () => {
    expect(ok('poll')).toEqual({ options: ['Bread', 'Cheese'], voted: true, own_votes: [1], counts: [0, 1] });
  });

  it('schedules a status, lists, moves and cancels it', () => {
    const s = ok('scheduled_status');
    expect(s.text).toBe(`Later #${TAG}`);
    expect(s.listed).toEqual([s.id]);
    expect(Date.parse(s.moved)).toBeGreaterThan(Date.now() + 2 * 3600_000);
    expect(s.left).toBe(0);
  });

  it('uploads an image with alt text and posts it with media_ids', async () => {
    const media = ok('media_post');
    expect(media).toMatchObject({ type: 'image', description: 'A slide about bread' });
    const file = await fetch(media.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it('pages the hashtag and home timelines past page one with fetch_next', async () => {
    const api = new Api(server.url, me.token);
    const tagged: string[] = ok('timeline_hashtag');
    // Everything the hashtag held when the client paged it, newest first, each once.
    const all = (await api.get(`/api/v1/timelines/tag/${TAG}?limit=40&max_id=${BigInt(tagged[0]) + 1n}`))
      .body;
    // (the first status is deleted at the end of the run)
    expect(tagged).toEqual([...all.map((s: any) => s.id), ok('status_delete')]);
    expect(tagged.slice(0, 5)).toEqual([...ok('paged')].reverse());
    expect(tagged.length).toBeGreaterThan(5);
    expect(ok('timeline_home').length).toBeGreaterThan(2);
    expect(ok('timeline_public')).toBe(2);
    expect(ok('account_statuses')).toBe(3);
  });

  it('follows, reads notifications, followers and relationships', () => {
    expect(ok('account_follow')).toBe(true);
    expect(ok('account_relationships')).toBe(true);
    expect(ok('account_followers')).toEqual([other.username]);
    expect(ok('notifications')).toEqual(['follow', 'mention']);
  });

  it('searches accounts (v1 and v2) and hashtags, and looks an account up', () => {
    expect(ok('account_search')).toContain(other.username);
    const found = ok('search_v2');
    expect(found.accounts).toContain(me.username);
    expect(found.hashtags).toContain(TAG);
    expect(ok('account_lookup')).toBe(other.id);
  });

  it('sets and reads markers, reads preferences and trends', () => {
    expect(ok('markers')).toBe(ok('status_post').id);
    expect(ok('preferences')).toBe('public');
    expect(ok('trending_tags')).toBe(true);
  });

  it('receives updates on the hashtag, user and public streams', () => {
    expect(ok('stream_healthy')).toBe(true);
    for (const step of ['stream_hashtag', 'stream_user', 'stream_public']) {
      const s = ok(step);
      expect(s.received).toBe(s.posted);
    }
    expect(ok('stream_hashtag').content).toContain('live from Mastodon.py');
  });

  it('deletes a status', async () => {
    const id = ok('status_delete');
    expect((await new Api(server.url, me.token).get(`/api/v1/statuses/${id}`)).status).toBe(404);
  });
});
