import { notificationSchema } from '@hashchat/api/entities/notification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Notifications Mastodon sends that need no one to act: a poll ended, a boosted status was edited. */
let server: TestServer;
const clock = { now: Date.now() };
const open: SseClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ now: () => clock.now, env: { JOBS_POLL_MS: '50' } });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

const user = () => registerUser(server.url);
const ofType = async (u: User, type: string) =>
  (await u.api.get(`/api/v1/notifications?types[]=${type}`)).body as { status: { id: string } }[];
async function notificationStream(u: User) {
  const c = new SseClient(`${server.url}/api/v1/streaming/user/notification`, {
    authorization: `Bearer ${u.token}`,
  });
  open.push(c);
  await c.live;
  return c;
}

describe('poll notifications', () => {
  it('when a poll ends, its voters and its author are told once; others are not', async () => {
    const [author, voter1, voter2, bystander] = [await user(), await user(), await user(), await user()];
    const status = (
      await author.api.post('/api/v1/statuses', {
        status: 'Which topic next week?',
        poll: { options: ['A', 'B'], expires_in: 600 },
      })
    ).body;
    for (const [v, choice] of [
      [voter1, 0],
      [voter2, 1],
    ] as const)
      expect((await v.api.post(`/api/v1/polls/${status.poll.id}/votes`, { choices: [choice] })).status).toBe(
        200,
      );
    const streams = await Promise.all([author, voter1, voter2].map(notificationStream));
    clock.now += 601_000;
    for (const c of streams) {
      const events = await c.waitFor((e) => e.some((x) => x.event === 'notification'), 10_000);
      const n = notificationSchema.parse(JSON.parse(events.find((x) => x.event === 'notification')!.data));
      expect(n).toMatchObject({ type: 'poll', account: { id: author.id }, status: { id: status.id } });
      expect(n.status?.poll?.expired).toBe(true);
    }
    for (const u of [author, voter1, voter2]) expect(await ofType(u, 'poll')).toHaveLength(1);
    expect(await ofType(bystander, 'poll')).toHaveLength(0);
  });

  it('when a poll ends, its status goes out again on its hashtag stream, closed, with the counts a hide_totals poll kept back', async () => {
    const [author, voter] = [await user(), await user()];
    const tag = `pollend${Math.random().toString(36).slice(2, 8)}`;
    const status = (
      await author.api.post('/api/v1/statuses', {
        status: `Secret ballot #${tag}`,
        poll: { options: ['A', 'B'], expires_in: 300, hide_totals: true },
      })
    ).body;
    await voter.api.post(`/api/v1/polls/${status.poll.id}/votes`, { choices: [1] });
    const reader = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=${tag}`);
    open.push(reader);
    await reader.live;
    clock.now += 301_000;
    const closed = (e: { event: string; data: string }) =>
      e.event === 'status.update' && JSON.parse(e.data).poll?.expired === true;
    const events = await reader.waitFor((e) => e.some(closed), 10_000);
    const updated = JSON.parse(events.find(closed)!.data);
    expect(updated.id).toBe(status.id);
    expect(updated.poll.options.map((o: { votes_count: number | null }) => o.votes_count)).toEqual([0, 1]);
    expect(updated.poll).not.toHaveProperty('voted');
    // Once: the job's notification guard keeps a second run from sending it again.
    expect(events.filter(closed)).toHaveLength(1);
  });

  it('a poll whose status was deleted before it ended tells nobody', async () => {
    const [author, voter] = [await user(), await user()];
    const status = (
      await author.api.post('/api/v1/statuses', {
        status: 'gone soon',
        poll: { options: ['A', 'B'], expires_in: 300 },
      })
    ).body;
    await voter.api.post(`/api/v1/polls/${status.poll.id}/votes`, { choices: [0] });
    await author.api.delete(`/api/v1/statuses/${status.id}`);
    // A later poll, ending after it, tells its author: by then the first one's job has run.
    const later = (
      await author.api.post('/api/v1/statuses', {
        status: 'marker',
        poll: { options: ['A', 'B'], expires_in: 400 },
      })
    ).body;
    const c = await notificationStream(author);
    clock.now += 401_000;
    await c.waitFor((e) => e.some((x) => x.event === 'notification'), 10_000);
    expect((await ofType(author, 'poll')).map((n) => n.status.id)).toEqual([later.id]);
    expect(await ofType(voter, 'poll')).toHaveLength(0);
  });
});

describe('update notifications', () => {
  it('editing a status tells those who boosted it, not those who only liked it', async () => {
    const [author, booster, liker] = [await user(), await user(), await user()];
    const id = (await author.api.post('/api/v1/statuses', { status: 'first take' })).body.id;
    await booster.api.post(`/api/v1/statuses/${id}/reblog`);
    await liker.api.post(`/api/v1/statuses/${id}/favourite`);
    const c = await notificationStream(booster);
    expect(
      (await author.api.request('PUT', `/api/v1/statuses/${id}`, { status: 'second take' })).status,
    ).toBe(200);
    const events = await c.waitFor((e) => e.some((x) => x.event === 'notification'));
    const n = JSON.parse(events.find((x) => x.event === 'notification')!.data);
    expect(n).toMatchObject({
      type: 'update',
      account: { id: author.id },
      status: { id, content: expect.stringContaining('second take') },
    });
    expect(await ofType(liker, 'update')).toHaveLength(0);
    expect(await ofType(author, 'update')).toHaveLength(0);
  });
});
