// biome-ignore-all lint/suspicious/noExplicitAny: the test reads untyped JSON bodies.
import { accountTopic, userTopic } from '@hashchat/api/topics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presented } from '../src/present/status';
import { readEventsSince } from '../src/store/events';
import { registerUser } from './support/client';
import { startInProcessServer } from './support/in-process';
import type { TestServer } from './support/test-server';

// A write presents its status once, for its event (the outbox row committed with it), and
// answers with that entity made the caller's; it never reads the status back to present it
// again. The counter sits in the presenter, so a second presentation anywhere fails here.

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let alice: User;
let bob: User;

beforeAll(async () => {
  server = await startInProcessServer();
  [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
});
afterAll(async () => {
  await server?.close();
});

/** How many Status entities `write` presents. */
async function presentations(write: () => Promise<unknown>): Promise<number> {
  const before = presented.statuses;
  await write();
  return presented.statuses - before;
}

/** The last event on `topic`, as committed to the outbox. */
async function lastEvent(topic: string) {
  const events = await readEventsSince(server.ctx.store.db, [topic], 0, 1000);
  const last = events.at(-1);
  if (!last) throw new Error(`no event on ${topic}`);
  return { event: last.event, payload: JSON.parse(last.payload) };
}

describe('a status is presented once per write', () => {
  it('posting: once, for the update event, the answer, the mention and the subscribers', async () => {
    let id = '';
    const n = await presentations(async () => {
      const res = await alice.api.post('/api/v1/statuses', { status: `hello @${bob.username} #once` });
      expect(res.status).toBe(200);
      id = res.body.id;
    });
    expect(n).toBe(1);
    const mention = await lastEvent(userTopic(bob.id));
    expect(mention).toMatchObject({ event: 'notification', payload: { type: 'mention', status: { id } } });
  });

  it('boosting: the boost and the status it boosts, once each; the answer is the booster’s', async () => {
    const original = (await alice.api.post('/api/v1/statuses', { status: 'boost me' })).body;
    let answer: any;
    const n = await presentations(async () => {
      const res = await bob.api.post(`/api/v1/statuses/${original.id}/reblog`);
      expect(res.status).toBe(200);
      answer = res.body;
    });
    expect(n).toBe(2);
    expect(answer).toMatchObject({
      reblogged: true,
      reblog: { id: original.id, reblogged: true, reblogs_count: 1 },
      account: { id: bob.id, statuses_count: 1 },
    });
    // The event everyone reads carries no one's own state, and the counts the boost wrote.
    const update = await lastEvent(accountTopic(bob.id));
    expect(update).toMatchObject({
      event: 'update',
      payload: { id: answer.id, reblogged: false, reblog: { id: original.id, reblogs_count: 1 } },
    });
    const notified = await lastEvent(userTopic(alice.id));
    expect(notified).toMatchObject({
      event: 'notification',
      payload: { type: 'reblog', status: { id: original.id, reblogs_count: 1 } },
    });
  });

  it('editing: once, for the status.update event and the answer', async () => {
    const original = (await alice.api.post('/api/v1/statuses', { status: 'first #draft' })).body;
    await alice.api.post(`/api/v1/statuses/${original.id}/favourite`);
    let answer: any;
    const n = await presentations(async () => {
      const res = await alice.api.request('PUT', `/api/v1/statuses/${original.id}`, {
        status: 'second #final',
      });
      expect(res.status).toBe(200);
      answer = res.body;
    });
    expect(n).toBe(1);
    // The author's own favourite is in the answer, not in what everyone reads.
    expect(answer).toMatchObject({
      id: original.id,
      favourited: true,
      content: expect.stringContaining('second'),
    });
    const update = await lastEvent(accountTopic(alice.id));
    expect(update).toMatchObject({
      event: 'status.update',
      payload: { id: original.id, favourited: false, tags: [{ name: 'final' }] },
    });
  });

  it('voting: once, for the status.update event with the new counts', async () => {
    const status = (
      await alice.api.post('/api/v1/statuses', {
        status: 'which?',
        poll: { options: ['a', 'b'], expires_in: 3600 },
      })
    ).body;
    const n = await presentations(async () => {
      const res = await bob.api.post(`/api/v1/polls/${status.poll.id}/votes`, { choices: [1] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ voted: true, own_votes: [1], votes_count: 1 });
    });
    expect(n).toBe(1);
    const update = await lastEvent(accountTopic(alice.id));
    expect(update.event).toBe('status.update');
    expect(update.payload.poll.options.map((o: { votes_count: number }) => o.votes_count)).toEqual([0, 1]);
    expect(update.payload.poll).not.toHaveProperty('voted');
  });
});
