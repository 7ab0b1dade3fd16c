import { credentialAccountSchema } from '@hashchat/api/entities/account';
import { conversationSchema } from '@hashchat/api/entities/conversation';
import { filterSchema, filterV1Schema } from '@hashchat/api/entities/filter';
import { instanceSchema, instanceV1Schema } from '@hashchat/api/entities/instance';
import { listSchema } from '@hashchat/api/entities/list';
import { markersSchema, preferencesSchema } from '@hashchat/api/entities/markers';
import { notificationSchema } from '@hashchat/api/entities/notification';
import { statusSchema } from '@hashchat/api/entities/status';
import { tagSchema } from '@hashchat/api/entities/tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

type User = Awaited<ReturnType<typeof registerUser>>;

/**
 * What Phanpy and Elk ask for as they open, in their order (read from their source: Phanpy's
 * utils/api.js initInstance → initAccount → initPreferences, then lists, markers, notifications
 * and the home timeline; Elk's notifications composable subscribes to the user stream, then
 * reads markers and 30 notifications). Every answer must be 2xx and have the entity's shape: an
 * app that gets a 404 or a field of the wrong type at start-up shows an error page.
 */
let server: TestServer;
let me: User;
const open: WsClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
  me = await registerUser(server.url);
  // An account with something in every list the apps read.
  const friend = await registerUser(server.url);
  await me.api.post(`/api/v1/accounts/${friend.id}/follow`);
  await me.api.post('/api/v1/tags/devchat/follow');
  const list = (await me.api.post('/api/v1/lists', { title: 'Friends' })).body;
  await me.api.post(`/api/v1/lists/${list.id}/accounts`, { account_ids: [friend.id] });
  await me.api.post('/api/v2/filters', {
    title: 'Spoilers',
    context: ['home', 'notifications'],
    keywords_attributes: [{ keyword: 'finale' }],
  });
  const s = (await friend.api.post('/api/v1/statuses', { status: `@${me.username} the finale of #devchat` }))
    .body;
  await friend.api.post('/api/v1/statuses', { status: `@${me.username} psst`, visibility: 'direct' });
  await friend.api.post('/api/v1/statuses', {
    status: 'a poll',
    poll: { options: ['a', 'b'], expires_in: 600 },
  });
  await me.api.post(`/api/v1/statuses/${s.id}/favourite`);
  await me.api.post('/api/v1/markers', { home: { last_read_id: s.id } });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

const list = <T extends z.ZodType>(s: T) => z.array(s).min(1);
const empty = z.array(z.never());

/** [path, schema of the 200 body] in the order each app asks. */
const phanpy: [string, z.ZodType][] = [
  ['/api/v2/instance', instanceSchema],
  ['/api/v1/instance', instanceV1Schema],
  ['/api/v1/accounts/verify_credentials', credentialAccountSchema],
  ['/api/v1/preferences', preferencesSchema],
  ['/api/v1/custom_emojis', empty],
  ['/api/v1/lists', list(listSchema)],
  ['/api/v1/followed_tags', list(tagSchema)],
  ['/api/v1/announcements', empty],
  ['/api/v1/markers?timeline=notifications', markersSchema],
  ['/api/v1/notifications?limit=40', list(notificationSchema)],
  ['/api/v1/timelines/home?limit=20', list(statusSchema)],
  ['/api/v2/filters', list(filterSchema)],
  ['/api/v1/trends/tags', z.array(tagSchema)],
];
const elk: [string, z.ZodType][] = [
  ['/api/v2/instance', instanceSchema],
  ['/api/v1/accounts/verify_credentials', credentialAccountSchema],
  ['/api/v1/preferences', preferencesSchema],
  ['/api/v1/custom_emojis', empty],
  ['/api/v1/markers?timeline[]=notifications', markersSchema],
  ['/api/v1/notifications?limit=30', list(notificationSchema)],
  ['/api/v1/timelines/home?limit=20', list(statusSchema)],
  ['/api/v1/lists', list(listSchema)],
  ['/api/v1/followed_tags', list(tagSchema)],
  ['/api/v2/filters', list(filterSchema)],
  ['/api/v1/filters', list(filterV1Schema)],
  ['/api/v1/markers?timeline[]=home&timeline[]=notifications', markersSchema],
  ['/api/v1/conversations', list(conversationSchema)],
];

describe.each([
  ['Phanpy', phanpy],
  ['Elk', elk],
])('%s start-up', (_, sequence) => {
  it('every request succeeds with the shape the app expects', async () => {
    const failed: string[] = [];
    for (const [path, schema] of sequence) {
      const res = await me.api.get(path);
      const parsed = schema.safeParse(res.body);
      if (res.status < 200 || res.status > 299)
        failed.push(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      else if (!parsed.success) failed.push(`${path}: ${parsed.error.message}`);
    }
    expect(failed).toEqual([]);
  });

  it('opens the user stream where the instance says, with the token as the WebSocket protocol', async () => {
    const instance = (await me.api.get('/api/v2/instance')).body;
    const base = instance.configuration.urls.streaming as string;
    expect(base).toMatch(/^wss?:\/\//);
    const ws = new WsClient(`${base}/api/v1/streaming`, { protocols: [me.token] });
    open.push(ws);
    await ws.opened;
    for (const stream of ['user', 'user:notification']) await ws.subscribe({ stream });
    const lists = (await me.api.get('/api/v1/lists')).body;
    await ws.subscribe({ stream: 'list', list: lists[0].id });
    expect(ws.messages.filter((m) => m.error)).toEqual([]);
  });
});
