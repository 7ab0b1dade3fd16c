import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

/** Deleting a status leaves nothing of it behind: poll, votes, edit history, pins, filters, conversations. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

it('removes its poll and votes, edit history, pin, filter entry, bookmarks and conversation', async () => {
  const [author, voter] = [await registerUser(server.url), await registerUser(server.url)];
  const s = (
    await author.api.post('/api/v1/statuses', {
      status: 'Q3 poll',
      poll: { options: ['a', 'b'], expires_in: 600 },
    })
  ).body;
  const id = Number(s.id);
  const pollId = Number(s.poll.id);
  expect((await voter.api.post(`/api/v1/polls/${pollId}/votes`, { choices: [1] })).status).toBe(200);
  expect(
    (
      await author.api.request('PUT', `/api/v1/statuses/${id}`, {
        status: 'Q3 poll, edited',
        poll: { options: ['a', 'b'], expires_in: 600 },
      })
    ).status,
  ).toBe(200);
  expect((await author.api.post(`/api/v1/statuses/${id}/pin`)).status).toBe(200);
  await voter.api.post(`/api/v1/statuses/${id}/bookmark`);
  await voter.api.post(`/api/v1/statuses/${id}/favourite`);
  const filter = (await voter.api.post('/api/v2/filters', { title: 'f', context: ['home'] })).body;
  expect(
    (await voter.api.post(`/api/v2/filters/${filter.id}/statuses`, { status_id: String(id) })).status,
  ).toBe(200);
  const direct = Number(
    (await author.api.post('/api/v1/statuses', { status: `@${voter.username} psst`, visibility: 'direct' }))
      .body.id,
  );

  const db = server.ctx.store.db;
  const count = async (
    table:
      | 'polls'
      | 'status_edits'
      | 'status_pins'
      | 'filter_statuses'
      | 'bookmarks'
      | 'favourites'
      | 'conversation_statuses',
    statusId: number,
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status_id', '=', statusId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const pollRows = async (table: 'poll_votes' | 'poll_options') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('poll_id', '=', pollId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Before: every kind of row is there, so the check below can tell.
  for (const t of [
    'polls',
    'status_edits',
    'status_pins',
    'filter_statuses',
    'bookmarks',
    'favourites',
  ] as const)
    expect(await count(t, id), t).toBeGreaterThan(0);
  expect(await count('conversation_statuses', direct)).toBe(2);

  expect((await author.api.delete(`/api/v1/statuses/${id}`)).status).toBe(200);
  expect((await author.api.delete(`/api/v1/statuses/${direct}`)).status).toBe(200);

  for (const t of [
    'polls',
    'status_edits',
    'status_pins',
    'filter_statuses',
    'bookmarks',
    'favourites',
  ] as const)
    expect(await count(t, id), t).toBe(0);
  expect(await count('conversation_statuses', direct)).toBe(0);
  // The edit replaced the first poll; neither poll's votes or options are left.
  expect(await pollRows('poll_votes')).toBe(0);
  expect(await pollRows('poll_options')).toBe(0);
  const leftPolls = await db
    .selectFrom('polls')
    .select('id')
    .where('account_id', '=', Number(author.id))
    .execute();
  expect(leftPolls).toEqual([]);
  expect((await voter.api.get(`/api/v1/polls/${pollId}`)).status).toBe(404);
  expect((await author.api.get(`/api/v1/statuses/${id}/history`)).status).toBe(404);
  expect((await author.api.get(`/api/v1/accounts/${author.id}/statuses?pinned=true`)).body).toEqual([]);
  expect((await voter.api.get(`/api/v2/filters/${filter.id}`)).body.statuses).toEqual([]);
  expect((await voter.api.get('/api/v1/conversations')).body).toEqual([]);
});
