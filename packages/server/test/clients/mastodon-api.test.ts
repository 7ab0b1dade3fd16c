// biome-ignore-all lint/suspicious/noExplicitAny: the library returns untyped JSON.
import fs from 'node:fs';
import Mastodon from 'mastodon-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/client';
import { OOB } from '../support/oauth';
import { startTestServer, type TestServer } from '../support/test-server';
import { receiveUpdate } from './streams';
import { type ClientUser, consentCode, pngFile, registerUser, tempDir } from './support';

/**
 * mastodon-api 1.3 (vanita5's node client): every parameter of a GET or POST goes in the query
 * string, arrays as `key[]=v&`, files as multipart; streams are read by its own SSE parser.
 * It has no PUT, so it cannot edit a status or move a scheduled one.
 */
const TAG = 'NodeMastoDay';
const SCOPES = 'read write follow push';

let server: TestServer;
let me: ClientUser;
let other: ClientUser;
let M: Mastodon;
const tmp = tempDir('hashchat-mastodon-api-');

beforeAll(async () => {
  server = await startTestServer();
  me = await registerUser(server.url);
  other = await registerUser(server.url);
}, 60_000);
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

/** The `next` URL of a Link header. */
const nextUrl = (resp: any): string | null =>
  /<([^>]+)>;\s*rel="next"/.exec(resp.headers.link ?? '')?.[1] ?? null;

describe('mastodon-api 1.3', () => {
  it('creates an app, signs in through OAuth and verifies its credentials', async () => {
    const app = await Mastodon.createOAuthApp(`${server.url}/api/v1/apps`, 'mastodon-api tests', SCOPES, OOB);
    const url = await Mastodon.getAuthorizationUrl(app.client_id, app.client_secret, server.url, SCOPES, OOB);
    expect(new URL(url).pathname).toBe('/oauth/authorize');
    const code = await consentCode(server.url, app.client_id, me.username, SCOPES);
    const token = await Mastodon.getAccessToken(app.client_id, app.client_secret, code, server.url);
    M = new Mastodon({ access_token: token, api_url: `${server.url}/api/v1/` });
    const { data } = await M.get('accounts/verify_credentials');
    expect(data).toMatchObject({ id: me.id, username: me.username });
  });

  it('reads the instance (v1 and v2) and NodeInfo', async () => {
    expect((await M.get('instance')).data.version).toMatch(/^4\.\d+\.\d+/);
    expect((await M.get(`${server.url}/api/v2/instance`)).data.configuration.statuses.max_characters).toBe(
      500,
    );
    const links = (await M.get(`${server.url}/.well-known/nodeinfo`)).data.links;
    expect((await M.get(links[0].href)).data.software.name).toBe('hashchat');
  });

  let first: any;
  it('posts and replies with every parameter in the query string', async () => {
    first = (await M.post('statuses', { status: `Hello from mastodon-api #${TAG}`, visibility: 'public' }))
      .data;
    expect(first.content).toContain('Hello from mastodon-api');
    expect(first.tags.map((t: any) => t.name)).toEqual([TAG]);
    const reply = (await M.post('statuses', { status: 'a reply', in_reply_to_id: first.id })).data;
    expect(reply.in_reply_to_id).toBe(first.id);
    expect(
      (await M.get('statuses/:id/context', { id: first.id })).data.descendants.map((s: any) => s.id),
    ).toEqual([reply.id]);
  });

  it('favourites, boosts and bookmarks', async () => {
    expect((await M.post('statuses/:id/favourite', { id: first.id })).data.favourited).toBe(true);
    expect((await M.post('statuses/:id/reblog', { id: first.id })).data.reblog.id).toBe(first.id);
    expect((await M.post('statuses/:id/bookmark', { id: first.id })).data.bookmarked).toBe(true);
    expect((await M.get('bookmarks')).data.map((s: any) => s.id)).toEqual([first.id]);
    expect((await M.get('favourites')).data.map((s: any) => s.id)).toEqual([first.id]);
  });

  it('creates a poll (bracketed keys in the query string) another user votes on', async () => {
    const s = (
      await M.post('statuses', {
        status: 'Which topic next week?',
        'poll[options]': ['Bread', 'Cheese'],
        'poll[expires_in]': 3600,
      })
    ).data;
    expect(s.poll.options.map((o: any) => o.title)).toEqual(['Bread', 'Cheese']);
    const them = new Mastodon({ access_token: other.token, api_url: `${server.url}/api/v1/` });
    const voted = (await them.post('polls/:id/votes', { id: s.poll.id, choices: [1] })).data;
    expect(voted).toMatchObject({ voted: true, own_votes: [1] });
  });

  it('schedules a status, lists and cancels it', async () => {
    const at = new Date(Date.now() + 2 * 3600_000).toISOString();
    const scheduled = (await M.post('statuses', { status: `Later #${TAG}`, scheduled_at: at })).data;
    expect(scheduled.params.text).toBe(`Later #${TAG}`);
    expect((await M.get('scheduled_statuses')).data.map((s: any) => s.id)).toEqual([scheduled.id]);
    await M.delete('scheduled_statuses/:id', { id: scheduled.id });
    expect((await M.get('scheduled_statuses')).data).toEqual([]);
  });

  it('uploads an image with alt text and posts it with media_ids', async () => {
    const { file } = await pngFile(tmp.dir);
    const media = (await M.post('media', { file: fs.createReadStream(file), description: 'The slide' })).data;
    expect(media).toMatchObject({ type: 'image', description: 'The slide' });
    const s = (await M.post('statuses', { status: 'the slide', media_ids: [media.id] })).data;
    expect(s.media_attachments.map((a: any) => a.id)).toEqual([media.id]);
  });

  it('pages the hashtag timeline past page one by its Link header', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await M.post('statuses', { status: `page ${i} #${TAG}Pages` })).data.id);
    const seen: string[] = [];
    let page = await M.get('timelines/tag/:tag', { tag: `${TAG}Pages`, limit: 2 });
    for (;;) {
      seen.push(...page.data.map((s: any) => s.id));
      const next = nextUrl(page.resp);
      if (!next || page.data.length === 0) break;
      page = await M.get(next);
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await M.get('timelines/home', { limit: 2 })).data.map((s: any) => s.id)).toEqual([
      ids[4],
      ids[3],
    ]);
  });

  it('follows, reads notifications and searches', async () => {
    const them = new Api(server.url, other.token);
    await them.post(`/api/v1/accounts/${me.id}/follow`, {});
    await them.post('/api/v1/statuses', { status: `hi @${me.username}` });
    const types = (await M.get('notifications')).data.map((n: any) => n.type);
    expect(types).toEqual(['mention', 'follow']);
    expect((await M.post('accounts/:id/follow', { id: other.id })).data.following).toBe(true);
    expect((await M.get('accounts/search', { q: other.username })).data.map((a: any) => a.id)).toEqual([
      other.id,
    ]);
    const found = (await M.get(`${server.url}/api/v2/search`, { q: TAG, type: 'hashtags' })).data;
    expect(found.hashtags.map((h: any) => h.name)).toContain(TAG);
  });

  it('saves and reads markers, reads preferences', async () => {
    await M.post('markers', { 'home[last_read_id]': first.id });
    expect((await M.get('markers', { timeline: ['home'] })).data.home.last_read_id).toBe(first.id);
    expect((await M.get('preferences')).data['posting:default:visibility']).toBe('public');
  });

  it('receives updates on its hashtag and user streams', async () => {
    const them = new Api(server.url, other.token);
    for (const [path, params] of [
      ['streaming/hashtag', { tag: TAG }],
      ['streaming/user', {}],
    ] as const) {
      const stream = M.stream(path, { ...params });
      try {
        const got = await receiveUpdate(
          (onUpdate) =>
            stream.on('message', (msg: any) => {
              if (msg.event === 'update') onUpdate(msg.data.id);
            }),
          // An SSE response starts once the server has subscribed the stream.
          () => new Promise<void>((resolve) => stream.once('connected', () => resolve())),
          async () => (await them.post('/api/v1/statuses', { status: `live #${TAG}` })).body.id,
        );
        expect(got.received).toEqual([got.posted]);
      } finally {
        stream.stop();
      }
    }
  });

  it('deletes a status', async () => {
    await M.delete('statuses/:id', { id: first.id });
    expect((await new Api(server.url, me.token).get(`/api/v1/statuses/${first.id}`)).status).toBe(404);
  });
});
