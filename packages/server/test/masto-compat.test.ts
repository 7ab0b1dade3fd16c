import { mediaAttachmentSchema } from '@hashchat/api/entities/media';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * The compatibility check: masto.js 7, a published Mastodon client library, drives the server
 * end to end with no knowledge of Hashchat (apps, client_credentials, multipart registration,
 * posting, tag timeline, WebSocket hashtag stream).
 */
let server: TestServer;
const OOB = 'urn:ietf:wg:oauth:2.0:oob';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function signUp(username: string): Promise<{ client: mastodon.rest.Client; token: string }> {
  const anon = createRestAPIClient({ url: server.url });
  const app = await anon.v1.apps.create({
    clientName: 'masto compat',
    redirectUris: OOB,
    scopes: 'read write follow push',
  });
  const oauth = createOAuthAPIClient({ url: server.url });
  const appToken = await oauth.token.create({
    grantType: 'client_credentials',
    clientId: app.clientId!,
    clientSecret: app.clientSecret!,
    redirectUri: OOB,
    scope: 'read write follow push',
  });
  const asApp = createRestAPIClient({ url: server.url, accessToken: appToken.accessToken });
  // masto sends this one as multipart/form-data.
  const userToken = await asApp.v1.accounts.create({
    username,
    email: `${username}@example.org`,
    password: 'correct horse battery',
    agreement: true,
    locale: 'en',
  });
  return {
    client: createRestAPIClient({ url: server.url, accessToken: userToken.accessToken }),
    token: userToken.accessToken,
  };
}

describe('masto.js compatibility', () => {
  it('registers, posts, reads the tag timeline and the account back', async () => {
    const { client } = await signUp('masto_poster');
    const me = await client.v1.accounts.verifyCredentials();
    expect(me.username).toBe('masto_poster');
    const status = await client.v1.statuses.create({
      status: 'Hello from masto.js #MastoCompat',
      visibility: 'public',
    });
    expect(status.tags.map((t) => t.name)).toEqual(['MastoCompat']);
    const timeline = await client.v1.timelines.tag.$select('mastocompat').list({ limit: 5 });
    expect(timeline.map((s) => s.id)).toEqual([status.id]);
    const fetched = await client.v1.statuses.$select(status.id).fetch();
    expect(fetched.account.id).toBe(me.id);
    const updated = await client.v1.accounts.updateCredentials({ displayName: 'Masto Poster' });
    expect(updated.displayName).toBe('Masto Poster');
    const looked = await client.v1.accounts.lookup({ acct: 'masto_poster' });
    expect(looked.displayName).toBe('Masto Poster');
  });

  it('uploads an image with v2.media.create and posts it with mediaIds', async () => {
    const { client } = await signUp('masto_photos');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a7' } })
      .png()
      .toBuffer();
    const media = await client.v2.media.create({
      file: new Blob([new Uint8Array(png)], { type: 'image/png' }),
      description: 'A green rectangle',
    });
    // masto asks GET /api/v1/media/:id after the 202 (until it is no longer 206, as against Mastodon).
    expect(media.url).toMatch(/\/original\.png$/);
    const processed = await client.v1.media.$select(media.id).fetch();
    expect(processed.meta?.original).toMatchObject({ width: 64, height: 48 });
    const status = await client.v1.statuses.create({ status: 'a picture', mediaIds: [media.id] });
    expect(status.mediaAttachments).toHaveLength(1);
    expect(status.mediaAttachments[0]).toMatchObject({
      id: media.id,
      type: 'image',
      description: 'A green rectangle',
      url: processed.url,
    });
    const file = await fetch(processed.url!);
    await file.arrayBuffer();
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it('gets MediaAttachment entities of the contract shape from upload, update, fetch and status', async () => {
    const { client } = await signUp('masto_shape');
    const frame = (colour: string) =>
      sharp({ create: { width: 90, height: 60, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const gif = await sharp(await Promise.all(['#c33', '#33c'].map(frame)), { join: { animated: true } })
      .gif()
      .toBuffer();
    const created = await client.v2.media.create({
      file: new Blob([new Uint8Array(gif)], { type: 'image/gif' }),
      description: 'Blinking',
    });
    const updated = await client.v1.media
      .$select(created.id)
      .update({ description: 'Red, blue', focus: '0.5,-0.25' });
    const fetched = await client.v1.media.$select(created.id).fetch();
    const status = await client.v1.statuses.create({ status: 'blink', mediaIds: [created.id] });
    const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    // masto camel-cases keys; back in snake case, every entity is exactly the contract's.
    for (const entity of [created, updated, fetched, status.mediaAttachments[0]]) {
      const raw = Object.fromEntries(Object.entries(entity).map(([k, v]) => [snake(k), v]));
      expect(mediaAttachmentSchema.strict().parse(raw)).toEqual(raw);
    }
    expect(fetched).toMatchObject({
      type: 'image',
      description: 'Red, blue',
      meta: { original: { width: 90, height: 60 }, focus: { x: 0.5, y: -0.25 } },
    });
    expect(fetched.url).toMatch(/\/original\.gif$/);
    expect(fetched.blurhash).toMatch(/^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{6,}$/);
    expect(status.mediaAttachments[0]).toEqual(fetched);
  });

  it('surfaces a 422 with details as a MastoHttpError', async () => {
    await signUp('masto_taken');
    const err = await signUp('masto_taken').catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 422 });
    expect((err as { details: Record<string, unknown> }).details).toHaveProperty('username');
  });

  it('pages a timeline with its paginator (Link headers)', async () => {
    const { client } = await signUp('masto_pager');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await client.v1.statuses.create({ status: `page ${i} #mastopages` })).id);
    const seen: string[] = [];
    for await (const page of client.v1.timelines.tag.$select('mastopages').list({ limit: 2 })) {
      seen.push(...page.map((s) => s.id));
      if (seen.length >= 10) break;
    }
    expect(seen).toEqual(ids.reverse());
  });

  it('follows, favourites, searches and reads notifications', async () => {
    const { client: a } = await signUp('masto_a');
    const { client: b } = await signUp('masto_b');
    const aMe = await a.v1.accounts.verifyCredentials();
    const rel = await b.v1.accounts.$select(aMe.id).follow();
    expect(rel.following).toBe(true);
    const s = await a.v1.statuses.create({ status: 'favourite me' });
    const fav = await b.v1.statuses.$select(s.id).favourite();
    expect(fav.favourited).toBe(true);
    const notifications = await a.v1.notifications.list();
    expect(notifications.map((n) => n.type)).toEqual(['favourite', 'follow']);
    const found = await b.v2.search.list({ q: 'masto_a', type: 'accounts' });
    expect(found.accounts.map((x) => x.username)).toContain('masto_a');
    const tag = await b.v1.tags.$select('mastofollowed').follow();
    expect(tag.following).toBe(true);
  });

  it('receives a post over the hashtag stream at configuration.urls.streaming', async () => {
    const { client, token } = await signUp('masto_streamer');
    const instance = await client.v2.instance.fetch();
    expect(instance.configuration.statuses.maxCharacters).toBe(500);
    // The library's default WebSocket in Node is the `ws` package; it sends the token as a subprotocol.
    const streaming = createStreamingAPIClient({
      streamingApiUrl: instance.configuration.urls.streaming,
      accessToken: token,
      retry: false,
    });
    try {
      const subscription = streaming.hashtag.subscribe({ tag: 'MastoLive' });
      const received = (async () => {
        for await (const event of subscription) {
          if (event.event === 'update') return event.payload;
        }
        return null;
      })();
      await streaming.prepare();
      await new Promise((r) => setTimeout(r, 150));
      const posted = await client.v1.statuses.create({ status: 'live over masto #MastoLive' });
      const payload = await Promise.race([
        received,
        new Promise<null>((r) => setTimeout(() => r(null), 5000)),
      ]);
      expect(payload?.id).toBe(posted.id);
      expect(payload?.content).toContain('MastoLive');
      subscription.unsubscribe();
    } finally {
      streaming.close();
    }
  });

  it('receives a mention notification on the user stream', async () => {
    const { client: reader, token } = await signUp('masto_reader');
    const { client: writer } = await signUp('masto_writer');
    const streaming = createStreamingAPIClient({
      streamingApiUrl: (await reader.v2.instance.fetch()).configuration.urls.streaming,
      accessToken: token,
      retry: false,
    });
    try {
      const subscription = streaming.user.notification.subscribe();
      const received = (async () => {
        for await (const event of subscription) if (event.event === 'notification') return event.payload;
        return null;
      })();
      await streaming.prepare();
      await new Promise((r) => setTimeout(r, 150));
      await writer.v1.statuses.create({ status: 'hi @masto_reader' });
      const n = await Promise.race([received, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
      expect(n?.type).toBe('mention');
      expect(n?.account.username).toBe('masto_writer');
    } finally {
      streaming.close();
    }
  });
});
