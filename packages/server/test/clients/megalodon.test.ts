import fs from 'node:fs';
import { accountTopic, PUBLIC_TOPIC, tagTopic } from '@hashchat/api/topics';
import generator, {
  detector,
  type Entity,
  type MegalodonInterface,
  type WebSocketInterface,
} from 'megalodon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OOB } from '../support/oauth';
import { startTestServer, type TestServer } from '../support/test-server';
import { streamOn } from '../support/wait';
import { receiveUpdate } from './streams';
import { type ClientUser, consentCode, pngFile, registerUser, tempDir } from './support';

/**
 * megalodon 10.3 (the library behind several desktop and web apps) detects the server, signs in
 * through its own OAuth methods and uses Hashchat as a daily client, streaming over WebSocket.
 */
const TAG = 'MegalodonDay';
const SCOPES = ['read', 'write', 'follow', 'push'];

let server: TestServer;
let me: ClientUser;
let other: ClientUser;
let client: MegalodonInterface;
let them: MegalodonInterface;
const tmp = tempDir('hashchat-megalodon-');

beforeAll(async () => {
  server = await startTestServer();
  me = await registerUser(server.url);
  other = await registerUser(server.url);
  them = generator('mastodon', server.url, other.token);
}, 60_000);
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

/** Pages with `max_id` taken from the Link header's next URL, as apps using megalodon do. */
function nextMaxId(headers: Record<string, string>): string | null {
  const next = /<([^>]+)>;\s*rel="next"/.exec(headers.link ?? '')?.[1];
  return next ? new URL(next).searchParams.get('max_id') : null;
}

describe('megalodon 10.3', () => {
  it('detects the server as Mastodon-compatible from its NodeInfo', async () => {
    expect(await detector(server.url)).toBe('mastodon');
  });

  it('registers an app, signs in through OAuth and verifies its credentials', async () => {
    const anon = generator('mastodon', server.url);
    const app = await anon.registerApp('megalodon tests', { scopes: SCOPES, redirect_uris: OOB });
    expect(new URL(app.url ?? '').pathname).toBe('/oauth/authorize');
    const code = await consentCode(server.url, app.client_id, me.username, SCOPES.join(' '));
    const token = await anon.fetchAccessToken(app.client_id, app.client_secret, code, OOB);
    client = generator('mastodon', server.url, token.access_token);
    const account = await client.verifyAccountCredentials();
    expect(account.data).toMatchObject({ id: me.id, username: me.username });
  });

  it('reads the instance, custom emoji and trends', async () => {
    const instance = await client.getInstance();
    expect(instance.data.version).toMatch(/^4\.\d+\.\d+/);
    expect(instance.data.configuration.statuses.max_characters).toBe(500);
    expect((await client.getInstanceCustomEmojis()).data).toEqual([]);
    expect(Array.isArray((await client.getInstanceTrends()).data)).toBe(true);
  });

  let first: Entity.Status;
  it('posts, replies, favourites, boosts and bookmarks', async () => {
    first = (await client.postStatus(`Hello from megalodon #${TAG}`)).data as Entity.Status;
    expect(first.tags.map((t) => t.name)).toEqual([TAG]);
    const reply = (await client.postStatus('a reply', { in_reply_to_id: first.id })).data as Entity.Status;
    expect(reply.in_reply_to_id).toBe(first.id);
    expect((await client.getStatusContext(first.id)).data.descendants.map((s) => s.id)).toEqual([reply.id]);
    expect((await them.favouriteStatus(first.id)).data.favourited).toBe(true);
    expect((await them.reblogStatus(first.id)).data.reblog?.id).toBe(first.id);
    expect((await them.bookmarkStatus(first.id)).data.bookmarked).toBe(true);
    expect((await them.getBookmarks()).data.map((s) => s.id)).toEqual([first.id]);
    expect((await them.getFavourites()).data.map((s) => s.id)).toEqual([first.id]);
    expect((await client.getStatusFavouritedBy(first.id)).data.map((a) => a.id)).toEqual([other.id]);
  });

  it('edits a status and reads its source', async () => {
    const edited = await client.editStatus(first.id, { status: `Hello again from megalodon #${TAG}` });
    expect(edited.data.content).toContain('Hello again');
    expect(edited.data.edited_at).not.toBeNull();
    expect((await client.getStatusSource(first.id)).data.text).toBe(`Hello again from megalodon #${TAG}`);
  });

  it('creates a poll another user votes on', async () => {
    const s = (
      await client.postStatus('Which topic next week?', {
        poll: { options: ['Bread', 'Cheese'], expires_in: 3600 },
      })
    ).data as Entity.Status;
    const poll = s.poll;
    expect(poll?.options.map((o) => o.title)).toEqual(['Bread', 'Cheese']);
    const voted = await them.votePoll(poll?.id ?? '', [0], s.id);
    expect(voted.data).toMatchObject({ voted: true, votes_count: 1 });
    expect((await client.getPoll(poll?.id ?? '')).data.options.map((o) => o.votes_count)).toEqual([1, 0]);
  });

  it('schedules a status, lists, moves and cancels it', async () => {
    const at = new Date(Date.now() + 2 * 3600_000).toISOString();
    const scheduled = (await client.postStatus(`Later #${TAG}`, { scheduled_at: at }))
      .data as Entity.ScheduledStatus;
    expect(scheduled.params.text).toBe(`Later #${TAG}`);
    expect((await client.getScheduledStatuses()).data.map((s) => s.id)).toEqual([scheduled.id]);
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const moved = await client.scheduleStatus(scheduled.id, later);
    expect(Date.parse(moved.data.scheduled_at)).toBe(Date.parse(later));
    await client.cancelScheduledStatus(scheduled.id);
    expect((await client.getScheduledStatuses()).data).toEqual([]);
  });

  it('uploads an image with alt text (uploadMedia) and posts it', async () => {
    // In Node, megalodon sends files with the form-data package: a read stream.
    const { file } = await pngFile(tmp.dir);
    const uploaded = await client.uploadMedia(fs.createReadStream(file), { description: 'A bouquet' });
    const media = (await client.getMedia(uploaded.data.id)).data;
    expect(media).toMatchObject({ type: 'image', description: 'A bouquet' });
    const s = (await client.postStatus('the bouquet', { media_ids: [media.id] })).data as Entity.Status;
    expect(s.media_attachments.map((a) => a.description)).toEqual(['A bouquet']);
    expect((await fetch(s.media_attachments[0].url)).headers.get('content-type')).toBe('image/png');
  });

  it('pages the hashtag and home timelines past page one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(((await client.postStatus(`page ${i} #${TAG}Pages`)).data as Entity.Status).id);
    const seen: string[] = [];
    let page = await client.getTagTimeline(`${TAG}Pages`, { limit: 2 });
    for (;;) {
      seen.push(...page.data.map((s) => s.id));
      const maxId = nextMaxId(page.headers);
      if (!maxId || page.data.length === 0) break;
      page = await client.getTagTimeline(`${TAG}Pages`, { limit: 2, max_id: maxId });
    }
    expect(seen).toEqual([...ids].reverse());
    const home = await client.getHomeTimeline({ limit: 2 });
    expect(home.data.map((s) => s.id)).toEqual([ids[4], ids[3]]);
    const older = await client.getHomeTimeline({ limit: 2, max_id: nextMaxId(home.headers) ?? '' });
    expect(older.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
  });

  it('follows, reads notifications, searches accounts and hashtags', async () => {
    expect((await them.followAccount(me.id)).data.following).toBe(true);
    await them.postStatus(`hi @${me.username}`);
    const notifications = (await client.getNotifications()).data.map((n) => n.type);
    expect(notifications).toEqual(expect.arrayContaining(['follow', 'mention', 'favourite', 'reblog']));
    expect((await client.searchAccount(other.username)).data.map((a) => a.id)).toEqual([other.id]);
    const found = await client.search(TAG, { type: 'hashtags' });
    expect(found.data.hashtags.map((h) => h.name)).toContain(TAG);
    expect((await client.followTag(TAG)).data.following).toBe(true);
    expect((await client.getFollowedTags()).data.map((t) => t.name)).toEqual([TAG]);
  });

  it('saves and reads markers, reads preferences', async () => {
    await client.saveMarkers({ home: { last_read_id: first.id } });
    const markers = (await client.getMarkers(['home'])).data as Entity.Marker;
    expect(markers.home?.last_read_id).toBe(first.id);
    expect((await client.getPreferences()).data['posting:default:visibility']).toBe('public');
  });

  /**
   * Opens a stream, waits until the server has subscribed it to `topic` (a WebSocket that names
   * its stream in the URL is subscribed just after it opens, and nothing tells the client when),
   * posts, and expects the status as an update.
   */
  async function expectUpdate(
    open: () => Promise<WebSocketInterface>,
    topic: string,
    post: () => Promise<string>,
  ) {
    const stream = await open();
    try {
      const got = await receiveUpdate(
        (onUpdate) => stream.on('update', (s: Entity.Status) => onUpdate(s.id)),
        () => streamOn(server, topic),
        post,
      );
      expect(got.received).toEqual([got.posted]);
    } finally {
      stream.stop();
    }
  }

  it('receives updates over its hashtag, user and public WebSocket streams', async () => {
    await expectUpdate(
      () => client.tagStreaming(TAG),
      tagTopic(TAG.toLowerCase()),
      async () => ((await them.postStatus(`live #${TAG}`)).data as Entity.Status).id,
    );
    await client.followAccount(other.id);
    await expectUpdate(
      () => client.userStreaming(),
      accountTopic(other.id),
      async () => ((await them.postStatus('for my followers')).data as Entity.Status).id,
    );
    await expectUpdate(
      () => client.publicStreaming(),
      PUBLIC_TOPIC,
      async () => ((await them.postStatus('in public')).data as Entity.Status).id,
    );
  });

  it('deletes a status', async () => {
    await client.deleteStatus(first.id);
    await expect(client.getStatus(first.id)).rejects.toMatchObject({ response: { status: 404 } });
  });
});
