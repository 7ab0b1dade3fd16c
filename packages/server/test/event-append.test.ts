import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvents, appendEventsAndCommit, readEventsSince } from '../src/store/events';
import { openStore, type Store } from '../src/store/open-store';
import { backend, createTestDatabase, testConfig } from './support/test-server';

// The outbox append that ends a status's transaction (on PostgreSQL: lock, latest ids, events
// and commit in one message). Runs on SQLite, and on PostgreSQL with HASHCHAT_TEST_BACKEND=scale.

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function store(): Promise<Store> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  const s = await openStore((await testConfig(db)).database);
  cleanup.push(() => s.close());
  return s;
}

// Quotes, backslashes, a newline and non-ASCII: the pipeline writes values as literals.
const tricky = `{"t":"it's \\\\ a \\"test\\"\\n — ünïcödé ' ; commit; --"}`;

describe('appendEventsAndCommit', () => {
  it('appends like appendEvents (ids, per-topic previous ids, payloads) and commits', async () => {
    const s = await store();
    const [first] = await s.db
      .transaction()
      .execute((trx) =>
        appendEvents(
          trx,
          s.dialect,
          [{ event: 'update', payload: '{}', accountId: 1, topics: ['a', 'b'] }],
          1,
        ),
      );
    const appended = await s.db.transaction().execute((trx) =>
      appendEventsAndCommit(
        trx,
        s.dialect,
        [
          { event: 'update', payload: tricky, accountId: 2, topics: ['a', 'c', 'a'] },
          { event: 'notification', payload: '{"n":1}', accountId: null, topics: ['b', 'c'] },
          { event: 'delete', payload: '7', accountId: 3, topics: [] },
        ],
        2,
      ),
    );
    expect(appended.map((e) => e.id)).toEqual([first.id + 1, first.id + 2, first.id + 3]);
    expect(appended[0]).toMatchObject({ payload: tricky, accountId: 2, topics: ['a', 'c'] });
    expect(appended[0].prev).toEqual({ a: first.id, c: 0 });
    expect(appended[1].prev).toEqual({ b: first.id, c: first.id + 1 });
    expect(appended[2]).toMatchObject({ topics: [], prev: {}, accountId: 3 });
    // Committed and readable from another connection, byte for byte.
    const read = await readEventsSince(s.db, ['a', 'b', 'c'], first.id, 10);
    expect(read.map((e) => [e.id, e.event, e.payload, e.accountId])).toEqual([
      [first.id + 1, 'update', tricky, 2],
      [first.id + 2, 'notification', '{"n":1}', null],
    ]);
  });

  it('rolls everything back when a statement before it fails, and nothing runs after it', async () => {
    const s = await store();
    await expect(
      s.db.transaction().execute(async (trx) => {
        await appendEvents(
          trx,
          s.dialect,
          [{ event: 'update', payload: '{}', accountId: 1, topics: ['x'] }],
          1,
        );
        await sql`select * from no_such_table`.execute(trx);
        return appendEventsAndCommit(
          trx,
          s.dialect,
          [{ event: 'update', payload: '{}', accountId: 1, topics: ['x'] }],
          1,
        );
      }),
    ).rejects.toThrow();
    expect(await readEventsSince(s.db, ['x'], 0, 10)).toEqual([]);
    if (backend === 'scale') {
      // On PostgreSQL the transaction is committed by then: a later statement is refused, not run outside it.
      await expect(
        s.db.transaction().execute(async (trx) => {
          await appendEventsAndCommit(
            trx,
            s.dialect,
            [{ event: 'update', payload: '{}', accountId: 1, topics: ['y'] }],
            1,
          );
          await sql`select 1`.execute(trx);
        }),
      ).rejects.toThrow(/after the transaction committed/);
      expect((await readEventsSince(s.db, ['y'], 0, 10)).length).toBe(1);
      // The connection is fine afterwards.
      await s.db.transaction().execute((trx) => appendEventsAndCommit(trx, s.dialect, [], 1));
      expect(Number((await sql<{ n: number }>`select 1 as n`.execute(s.db)).rows[0].n)).toBe(1);
    }
  });
});
