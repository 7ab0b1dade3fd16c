import SqliteDatabase from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './schema';
import { WriteBatcher } from './write-batch';

// A real SQLite file in memory with one table; statements are counted to see the commits.
const open = () => {
  const raw = new SqliteDatabase(':memory:');
  raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  const statements: string[] = [];
  const counting = {
    prepare(text: string) {
      statements.push(text);
      return raw.prepare(text);
    },
    close: () => raw.close(),
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: counting as never }) });
  return { db, raw, statements };
};

type Notes = Kysely<{ notes: { id: Generated<number>; text: string } }>;
const insert = (text: string) => async (trx: unknown) => {
  const row = await (trx as Notes)
    .insertInto('notes')
    .values({ text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
};

let close: () => Promise<void> = async () => {};
afterEach(() => close());

describe('WriteBatcher', () => {
  it('writes pieces queued together in one transaction, each with its own result', async () => {
    const { db, raw, statements } = open();
    close = () => db.destroy();
    const batcher = new WriteBatcher(db);

    const ids = await Promise.all(['a', 'b', 'c'].map((t) => batcher.run(insert(t))));

    expect(ids).toEqual([1, 2, 3]);
    expect(statements.filter((s) => s === 'commit')).toHaveLength(1);
    expect(raw.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back only the piece that failed', async () => {
    const { db, raw } = open();
    close = () => db.destroy();
    const batcher = new WriteBatcher(db);

    const results = await Promise.allSettled(['a', 'a', 'b'].map((t) => batcher.run(insert(t))));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(raw.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['a', 'b']);
  });

  it('answers only after the commit: the rows are visible to the caller', async () => {
    const { db } = open();
    close = () => db.destroy();
    const batcher = new WriteBatcher(db);

    const seen = await Promise.all(
      ['a', 'b'].map(async (t) => {
        await batcher.run(insert(t));
        return (await sql<{ n: number }>`SELECT count(*) AS n FROM notes`.execute(db)).rows[0].n;
      }),
    );

    expect(seen).toEqual([2, 2]);
  });

  it('runs a piece that finds nothing else queued in a plain transaction', async () => {
    const { db, statements } = open();
    close = () => db.destroy();
    const batcher = new WriteBatcher(db);

    await batcher.run(insert('a'));
    await batcher.run(insert('b'));

    expect(statements.filter((s) => s.startsWith('savepoint'))).toHaveLength(0);
    expect(statements.filter((s) => s === 'commit')).toHaveLength(2);
  });
});
