import { type Kysely, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { afterEach, expect, it } from 'vitest';
import { openSqlite } from '../dialects/sqlite';
import { migrateToLatest } from '../migrate';
import type { Database } from '../schema';
import * as m001 from './001-core';
import * as m002 from './002-chats';
import * as m003 from './003-room';
import * as m004 from './004-moderation';
import * as m005 from './005-transcripts';
import * as m006 from './006-read-indexes';
import * as m010 from './010-follow-options';
import * as m011 from './011-markers';

let db: Kysely<Database> | null = null;
afterEach(async () => db?.destroy());

// A database as it stood before 012, with favourites made out of status order.
it('gives existing favourites ids in the order they were made, and keeps them unique per account and status', async () => {
  const opened = openSqlite(':memory:');
  db = opened.db;
  const before = [
    ['001-core', m001],
    ['002-chats', m002],
    ['003-room', m003],
    ['004-moderation', m004],
    ['005-transcripts', m005],
    ['006-read-indexes', m006],
    ['010-follow-options', m010],
    ['011-markers', m011],
  ] as const;
  const provided: Record<string, Migration> = {};
  for (const [name, m] of before) provided[name] = { up: (k) => m.up(k, opened.dialect) };
  const r = await new Migrator({ db, provider: { getMigrations: async () => provided } }).migrateToLatest();
  expect(r.error).toBeUndefined();
  await sql`INSERT INTO accounts (id, username, username_lower, email, password_hash, created_at, updated_at)
    VALUES (1, 'a', 'a', 'a@x', '-', 0, 0)`.execute(db);
  for (const id of [1, 2, 3])
    await sql`INSERT INTO statuses (id, account_id, text, content, spoiler_text, sensitive, visibility, created_at)
      VALUES (${id}, 1, 's', 's', '', 0, 'public', 0)`.execute(db);
  for (const [status, at] of [
    [2, 100],
    [3, 300],
    [1, 200],
  ])
    await sql`INSERT INTO favourites (account_id, status_id, created_at) VALUES (1, ${status}, ${at})`.execute(
      db,
    );

  await migrateToLatest(db, opened.dialect);

  const rows = await db.selectFrom('favourites').select(['id', 'status_id']).orderBy('id').execute();
  expect(rows.map((f) => Number(f.status_id))).toEqual([2, 1, 3]);
  await expect(
    sql`INSERT INTO favourites (account_id, status_id, created_at) VALUES (1, 2, 400)`.execute(db),
  ).rejects.toThrow(/UNIQUE/);
  const next = await db
    .insertInto('favourites')
    .values({ account_id: 1, status_id: 2, created_at: 500 })
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .executeTakeFirst();
  expect(Number(next.numInsertedOrUpdatedRows)).toBe(0);
});
