// biome-ignore-all lint/suspicious/noExplicitAny: the library's generic methods return untyped JSON.
import { API, Utilities } from 'tsl-mastodon-api';
import OAuth from 'tsl-mastodon-api/lib/OAuth.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/client';
import { OOB } from '../support/oauth';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ClientUser, consentCode, pngFile, registerUser, tempDir } from './support';

/**
 * tsl-mastodon-api 0.5: POST bodies as multipart, PUT and DELETE parameters in the query string,
 * every answer checked against its own entity guards (isStatus, isPoll…), so a field of the
 * wrong type fails here. Its StreamAPI is left out: it subscribes with `streamType` where
 * Mastodon's protocol says `stream`, and sends no token, so it works against no server.
 */
const TAG = 'TslDay';
const SCOPES = 'read write follow push';

let server: TestServer;
let me: ClientUser;
let other: ClientUser;
let v1: API;
let v2: API;
const tmp = tempDir('hashchat-tsl-');

beforeAll(async () => {
  server = await startTestServer();
  me = await registerUser(server.url);
  other = await registerUser(server.url);
}, 60_000);
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

describe('tsl-mastodon-api 0.5', () => {
  it('creates an app, signs in through OAuth and reads its account', async () => {
    const app = await OAuth.createApp(`${server.url}/api/v1/`, 'tsl tests', OOB, SCOPES);
    const url = await OAuth.getAuthorizationUrl(server.url, app.client_id, app.client_secret, OOB, SCOPES);
    expect(new URL(url).pathname).toBe('/oauth/authorize');
    const code = await consentCode(server.url, app.client_id, me.username, SCOPES);
    const token = await OAuth.getAccessToken(server.url, app.client_id, app.client_secret, code, OOB);
    v1 = new API({ access_token: token, api_url: `${server.url}/api/v1/` });
    v2 = new API({ access_token: token, api_url: `${server.url}/api/v2/` });
    expect((await v1.getAccount()).json).toMatchObject({ id: me.id, username: me.username });
  });

  let first: any;
  it('posts, replies and reads the context', async () => {
    first = (await v1.postStatus({ status: `Hello from tsl #${TAG}`, visibility: 'public' })).json;
    expect(first.tags.map((t: any) => t.name)).toEqual([TAG]);
    const reply = (await v1.postStatus({ status: 'a reply', in_reply_to_id: first.id })).json as any;
    expect(reply.in_reply_to_id).toBe(first.id);
    expect((await v1.getStatusContext(first.id)).json.descendants.map((s) => s.id)).toEqual([reply.id]);
    expect((await v1.getStatus(first.id)).json.id).toBe(first.id);
  });

  it('favourites, boosts and bookmarks through its generic post', async () => {
    expect((await v1.post(`statuses/${first.id}/favourite`)).json.favourited).toBe(true);
    expect((await v1.post(`statuses/${first.id}/reblog`)).json.reblog.id).toBe(first.id);
    expect((await v1.post(`statuses/${first.id}/bookmark`)).json.bookmarked).toBe(true);
    expect((await v1.get('bookmarks')).json.map((s: any) => s.id)).toEqual([first.id]);
  });

  it('edits a status (PUT, parameters in the query string)', async () => {
    const edited = await v1.put(`statuses/${first.id}`, { status: `Hello again from tsl #${TAG}` });
    expect(edited.status).toBe(200);
    expect(edited.json.content).toContain('Hello again');
    expect((await v1.get(`statuses/${first.id}/history`)).json).toHaveLength(2);
  });

  it('creates a poll another user votes on (postPollVote)', async () => {
    const s = (
      await v1.post('statuses', {
        status: 'Which topic next week?',
        'poll[options]': ['Bread', 'Cheese'],
        'poll[expires_in]': 3600,
      })
    ).json;
    expect(s.poll.options.map((o: any) => o.title)).toEqual(['Bread', 'Cheese']);
    const them = new API({ access_token: other.token, api_url: `${server.url}/api/v1/` });
    const voted = await them.postPollVote(s.poll.id, { choices: ['0'] } as any);
    expect(voted.json).toMatchObject({ voted: true, own_votes: [0], votes_count: 1 });
  });

  it('schedules a status, moves (PUT) and cancels (DELETE) it', async () => {
    const at = new Date(Date.now() + 2 * 3600_000).toISOString();
    const scheduled = (await v1.postStatus({ status: `Later #${TAG}`, scheduled_at: at } as any)).json as any;
    expect(scheduled.params.text).toBe(`Later #${TAG}`);
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const moved = await v1.put(`scheduled_statuses/${scheduled.id}`, { scheduled_at: later });
    expect(Date.parse(moved.json.scheduled_at)).toBe(Date.parse(later));
    expect((await v1.delete(`scheduled_statuses/${scheduled.id}`)).status).toBe(200);
    expect((await v1.get('scheduled_statuses')).json).toEqual([]);
  });

  it('uploads an image with alt text (v1, and v2 awaiting its processing) and posts both', async () => {
    const { file } = await pngFile(tmp.dir);
    const upload = async (description: string, awaitProcessing: boolean) =>
      (
        await v1.postMediaAttachment(
          { file: await Utilities.fileFrom(file, 'image/png'), description },
          awaitProcessing,
        )
      ).json;
    const now = await upload('A dish', false);
    expect(now).toMatchObject({ type: 'image', description: 'A dish' });
    // POST /api/v2/media, then GET /api/v1/media/:id, waiting ten seconds after each 206.
    const started = Date.now();
    const later = await upload('A bouquet', true);
    expect(later).toMatchObject({ type: 'image', description: 'A bouquet' });
    expect(Date.now() - started).toBeLessThan(5000);
    const s = (await v1.postStatus({ status: 'two pictures', media_ids: [now.id, later.id] })).json as any;
    expect(s.media_attachments.map((a: any) => a.description)).toEqual(['A dish', 'A bouquet']);
    expect((await v1.getMediaAttachment(later.id)).json.url).toMatch(/^http/);
  });

  it('pages the hashtag timeline past page one with max_id from its Link header', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await v1.postStatus({ status: `page ${i} #${TAG}Pages` })).json.id);
    const seen: string[] = [];
    let page = await v1.getStatusesOfTag(`${TAG}Pages`, { limit: 2 });
    for (;;) {
      seen.push(...page.json.map((s) => s.id));
      const next = /<([^>]+)>;\s*rel="next"/.exec(page.response?.headers.get('link') ?? '')?.[1];
      const maxId = next ? new URL(next).searchParams.get('max_id') : null;
      if (!maxId || page.json.length === 0) break;
      page = await v1.getStatusesOfTag(`${TAG}Pages`, { limit: 2, max_id: maxId });
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await v1.getStatusesOfHome({ limit: 2 })).json.map((s) => s.id)).toEqual([ids[4], ids[3]]);
  });

  it('reads notifications and searches (v2)', async () => {
    const them = new Api(server.url, other.token);
    await them.post(`/api/v1/accounts/${me.id}/follow`, {});
    await them.post('/api/v1/statuses', { status: `hi @${me.username}` });
    expect((await v1.getNotifications()).json.map((n) => n.type)).toEqual(['mention', 'follow']);
    const found = (await v2.search({ q: other.username, type: 'accounts' } as any)).json;
    expect(found.accounts.map((a) => a.id)).toEqual([other.id]);
    expect((await v1.get('accounts/search', { q: other.username })).json.map((a: any) => a.id)).toEqual([
      other.id,
    ]);
  });

  it('reads markers and preferences through its generic get', async () => {
    await v1.post('markers', { 'home[last_read_id]': first.id });
    expect((await v1.get('markers', { timeline: ['home'] })).json.home.last_read_id).toBe(first.id);
    expect((await v1.get('preferences')).json['posting:default:visibility']).toBe('public');
  });

  it('deletes a status', async () => {
    expect((await v1.deleteStatus(first.id)).json.id).toBe(first.id);
    expect((await new Api(server.url, me.token).get(`/api/v1/statuses/${first.id}`)).status).toBe(404);
  });
});
