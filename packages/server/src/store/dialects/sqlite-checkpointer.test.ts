import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite';
import { SAFETY_NET_WAL_PAGES, SqliteCheckpointer } from './sqlite-checkpointer';

// A real SQLite file: writes land in the WAL; only a checkpoint copies them into the file itself.
let cleanup: () => Promise<void> = async () => {};
afterEach(() => cleanup());

const openTemp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashchat-ckpt-'));
  const file = path.join(dir, 'db.sqlite');
  const { db, stopped } = openSqlite(file);
  cleanup = async () => {
    await db.destroy();
    await stopped();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, file };
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('SQLite checkpoints in a worker thread', () => {
  it('copies committed writes from the WAL into the database file without the writer doing it', async () => {
    const { db, file } = openTemp();
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    const body = 'x'.repeat(1000);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2000; i++) await sql`insert into notes (body) values (${body})`.execute(trx);
    });
    // ~500 pages: far below the main connection's own threshold, so only the worker moves them.
    const size = () => fs.statSync(file).size;
    expect(await until(() => size() > 1_500_000, 5000)).toBe(true);
    const { rows } = await sql<{ n: number }>`select count(*) as n from notes`.execute(db);
    expect(Number(rows[0].n)).toBe(2000);
  });

  it('leaves the main connection only a far larger automatic threshold, as a safety net', async () => {
    const { db } = openTemp();
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(Number(rows[0].wal_autocheckpoint)).toBe(SAFETY_NET_WAL_PAGES);
    expect(SAFETY_NET_WAL_PAGES).toBeGreaterThan(1000);
  });

  it('has no worker for an in-memory database, which no other connection can open', async () => {
    const { db } = openSqlite(':memory:');
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(Number(rows[0].wal_autocheckpoint)).toBe(1000);
    await db.destroy();
  });

  it('closes at any moment, even while its worker still loads the driver, and lets it finish loading first', async () => {
    const { file } = openTemp();
    // A store opened and closed at once (a test, a one-off command) stopped its checkpointer
    // while the worker loaded better-sqlite3: terminated then, N-API aborted the whole process.
    const immediate = new SqliteCheckpointer(file);
    await immediate.close();
    expect(await immediate.ready).toBe(true);
    for (let i = 0; i < 40; i++) {
      const checkpointer = new SqliteCheckpointer(file);
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      await checkpointer.close();
      expect(await checkpointer.ready).toBe(true);
    }
  });
});
