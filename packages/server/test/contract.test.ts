import { operations } from '@hashchat/api/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addQuestion, chatWithSession, post, type User } from './live-helpers';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

// The contract's schemas against real answers: each GET below is read from a server with a
// little of everything in it and parsed with the response schema of its line in the operation
// table, so a field the server renames, drops or retypes fails here.

let server: TestServer;
let host: User;
let guest: User;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ env: { INSTANCE_RULES: 'Be kind.' } });
  const live = await chatWithSession(server, { live: true });
  host = live.host;
  guest = await registerUser(server.url);
  await guest.api.post(`/api/v1/accounts/${host.id}/follow`);
  await guest.api.post(`/api/v1/tags/${live.hashtag}/follow`);
  await addQuestion(host.api, live.sessionId, 'What brought you here?');
  expect((await host.api.post(`/api/v1/sessions/${live.sessionId}/next`)).status).toBe(200);
  const reply = await post(guest.api, `A1 @${host.username} the weather #${live.hashtag}`);
  await guest.api.post(`/api/v1/statuses/${reply.id}/favourite`);
  await guest.api.post(`/api/v1/statuses/${reply.id}/bookmark`);
  await host.api.post('/api/v1/markers', { home: { last_read_id: reply.id } });
  const poll = (
    await guest.api.post('/api/v1/statuses', {
      status: 'Which?',
      poll: { options: ['a', 'b'], expires_in: 600 },
    })
  ).body;
  await host.api.post(`/api/v1/polls/${poll.poll.id}/votes`, { choices: [0] });
  await guest.api.request('PUT', `/api/v1/statuses/${poll.id}`, {
    status: 'Which one?',
    poll: { options: ['a', 'b'], expires_in: 600 },
  });
  const scheduled = await host.api.post('/api/v1/statuses', {
    status: 'Later',
    scheduled_at: new Date(Date.now() + 3_600_000).toISOString(),
  });
  ids = {
    poll: poll.poll.id,
    scheduled: scheduled.body.id,
    chat: live.chatId,
    session: live.sessionId,
    status: reply.id,
    tag: live.hashtag,
    host: host.id,
    hostName: host.username,
  };
});
afterAll(async () => {
  await server?.close();
});

const reads: [path: string, url: (i: Record<string, string>) => string, as?: 'host' | 'guest'][] = [
  ['/api/v1/instance', () => '/api/v1/instance'],
  ['/api/v2/instance', () => '/api/v2/instance'],
  ['/api/v1/instance/rules', () => '/api/v1/instance/rules'],
  ['/api/v1/instance/extended_description', () => '/api/v1/instance/extended_description'],
  ['/api/v1/preferences', () => '/api/v1/preferences'],
  ['/api/v1/markers', () => '/api/v1/markers?timeline[]=home'],
  ['/api/v1/accounts/search', (i) => `/api/v1/accounts/search?q=${i.hostName}`, 'guest'],
  ['/api/v1/trends/tags', () => '/api/v1/trends/tags'],
  ['/api/v1/favourites', () => '/api/v1/favourites', 'guest'],
  ['/api/v1/bookmarks', () => '/api/v1/bookmarks', 'guest'],
  ['/api/v1/apps/verify_credentials', () => '/api/v1/apps/verify_credentials'],
  ['/api/v1/accounts/verify_credentials', () => '/api/v1/accounts/verify_credentials'],
  ['/api/v1/accounts/{id}', (i) => `/api/v1/accounts/${i.host}`],
  ['/api/v1/accounts/{id}/statuses', (i) => `/api/v1/accounts/${i.host}/statuses`],
  ['/api/v1/accounts/{id}/followers', (i) => `/api/v1/accounts/${i.host}/followers`],
  ['/api/v1/accounts/relationships', (i) => `/api/v1/accounts/relationships?id[]=${i.host}`, 'guest'],
  ['/api/v1/statuses/{id}', (i) => `/api/v1/statuses/${i.status}`],
  ['/api/v1/statuses/{id}/history', (i) => `/api/v1/statuses/${i.status}/history`],
  ['/api/v1/statuses/{id}/source', (i) => `/api/v1/statuses/${i.status}/source`],
  ['/api/v1/polls/{id}', (i) => `/api/v1/polls/${i.poll}`],
  ['/api/v1/scheduled_statuses', () => '/api/v1/scheduled_statuses'],
  ['/api/v1/scheduled_statuses/{id}', (i) => `/api/v1/scheduled_statuses/${i.scheduled}`],
  ['/api/v1/statuses/{id}/context', (i) => `/api/v1/statuses/${i.status}/context`],
  ['/api/v1/timelines/home', () => '/api/v1/timelines/home', 'guest'],
  ['/api/v1/timelines/tag/{hashtag}', (i) => `/api/v1/timelines/tag/${i.tag}`],
  ['/api/v1/tags/{name}', (i) => `/api/v1/tags/${i.tag}`],
  ['/api/v1/followed_tags', () => '/api/v1/followed_tags', 'guest'],
  ['/api/v2/search', (i) => `/api/v2/search?q=${i.tag}`],
  ['/api/v1/notifications', () => '/api/v1/notifications'],
  ['/api/v1/chats', () => '/api/v1/chats'],
  ['/api/v1/chats/{id}', (i) => `/api/v1/chats/${i.chat}`],
  ['/api/v1/chats/by_tag/{tag}', (i) => `/api/v1/chats/by_tag/${i.tag}`],
  ['/api/v1/chats/directory', () => '/api/v1/chats/directory'],
  ['/api/v1/chats/categories', () => '/api/v1/chats/categories'],
  ['/api/v1/chats/preferences', () => '/api/v1/chats/preferences'],
  ['/api/v1/chats/{id}/sessions', (i) => `/api/v1/chats/${i.chat}/sessions`],
  ['/api/v1/sessions/{id}', (i) => `/api/v1/sessions/${i.session}`],
  ['/api/v1/sessions/{id}/questions', (i) => `/api/v1/sessions/${i.session}/questions`],
  ['/api/v1/sessions/{id}/room', (i) => `/api/v1/sessions/${i.session}/room`],
  ['/api/v1/sessions/{id}/live', (i) => `/api/v1/sessions/${i.session}/live`],
  ['/api/v1/sessions/{id}/acknowledgements', (i) => `/api/v1/sessions/${i.session}/acknowledgements`],
  ['/api/v1/sessions/{id}/transcript', (i) => `/api/v1/sessions/${i.session}/transcript`],
  ['/api/v1/sessions/{id}/recap', (i) => `/api/v1/sessions/${i.session}/recap`],
  ['/api/v1/sessions/{id}/town_hall', (i) => `/api/v1/sessions/${i.session}/town_hall`],
  ['/api/v1/sessions/{id}/moderation/queue', (i) => `/api/v1/sessions/${i.session}/moderation/queue`],
  ['/api/v1/chats/{id}/moderation_settings', (i) => `/api/v1/chats/${i.chat}/moderation_settings`],
  ['/api/v1/chats/{id}/moderation_stats', (i) => `/api/v1/chats/${i.chat}/moderation_stats`],
  ['/api/v1/chats/{id}/stats', (i) => `/api/v1/chats/${i.chat}/stats`],
  ['/api/v1/calendar', () => '/api/v1/calendar'],
  ['/api/v1/streaming/position', () => '/api/v1/streaming/position'],
];

describe('real answers match the contract', () => {
  it.each(reads)('GET %s', async (path, url, as = 'host') => {
    const line = operations.find((o) => o.method === 'GET' && o.path === path);
    expect(line, `no line for GET ${path}`).toBeDefined();
    const schema = line!.response;
    if (!(schema instanceof z.ZodType)) throw new Error(`GET ${path} is not JSON in the table`);
    const res = await (as === 'host' ? host : guest).api.get(url(ids));
    expect(res.status).toBe(200);
    const parsed = schema.safeParse(res.body);
    expect(parsed.success ? [] : z.prettifyError(parsed.error)).toEqual([]);
    if (Array.isArray(res.body)) expect(res.body.length).toBeGreaterThan(0);
  });
});
