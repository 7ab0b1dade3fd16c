import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('hashtag stream', () => {
  it('delivers a new public status on the tag to an anonymous SSE reader, with an id', async () => {
    const { api } = await registerUser(server.url);
    const reader = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=LiveTag`);
    await reader.opened;
    expect(reader.status).toBe(200);
    await reader.live;
    const posted = await api.post('/api/v1/statuses', { status: 'hello #livetag' });
    expect(posted.status).toBe(200);
    const events = await reader.waitFor((e) => e.some((x) => x.event === 'update'));
    const update = events.find((x) => x.event === 'update')!;
    expect(update.id).toMatch(/^\d+$/);
    expect(JSON.parse(update.data).id).toBe(posted.body.id);
    reader.close();
  });

  it('resumes with Last-Event-ID: every missed status exactly once, in order, then live', async () => {
    const { api } = await registerUser(server.url);
    const first = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=resume`);
    await first.opened;
    await first.live;
    await api.post('/api/v1/statuses', { status: 'one #resume' });
    const [seen] = await first.waitFor((e) => e.length >= 1);
    first.close();
    const missed: string[] = [];
    for (let i = 0; i < 5; i++)
      missed.push((await api.post('/api/v1/statuses', { status: `missed ${i} #resume` })).body.id);
    await api.post('/api/v1/statuses', { status: 'another tag #elsewhere' });
    const second = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=resume`, {
      'last-event-id': seen.id!,
    });
    await second.opened;
    await second.waitFor((e) => e.length >= 5);
    const live = (await api.post('/api/v1/statuses', { status: 'live #resume' })).body.id;
    const events = await second.waitFor((e) => e.length >= 6);
    const ids = events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);
    expect(ids).toEqual([...missed, live]);
    const eventIds = events.map((e) => Number(e.id));
    expect([...eventIds].sort((a, b) => a - b)).toEqual(eventIds);
    second.close();
  });

  it('sends delete when a status is deleted', async () => {
    const { api } = await registerUser(server.url);
    const reader = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=gone`);
    await reader.opened;
    await reader.live;
    const s = (await api.post('/api/v1/statuses', { status: 'bye #gone' })).body;
    expect((await api.delete(`/api/v1/statuses/${s.id}`)).status).toBe(200);
    const events = await reader.waitFor((e) => e.some((x) => x.event === 'delete'));
    expect(events.find((x) => x.event === 'delete')!.data).toBe(s.id);
    reader.close();
  });
});
