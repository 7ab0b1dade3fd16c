import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Dialect, QueryCounter } from '../dialect';
import type { Database } from '../schema';
import { SAFETY_NET_WAL_PAGES, SqliteCheckpointer } from './sqlite-checkpointer';

/**
 * Opens the embedded SQLite file (WAL, foreign keys on) behind Kysely. `stopped` settles once
 * the checkpoint worker has stopped after `db.destroy()` (Kysely closes the file without
 * waiting for it): await it before removing the file's folder.
 */
export function openSqlite(
  file: string,
  counter: QueryCounter = { statements: 0 },
): { db: Kysely<Database>; dialect: Dialect; stopped: () => Promise<void> } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  // Savepoint journals (group commit gives each status its own savepoint) in memory, not temp files.
  raw.pragma('temp_store = MEMORY');
  // WAL checkpoints run in a worker thread (sqlite-checkpointer.ts); this is the safety net.
  const checkpointer = file === ':memory:' ? null : new SqliteCheckpointer(file);
  if (checkpointer) raw.pragma(`wal_autocheckpoint = ${SAFETY_NET_WAL_PAGES}`);
  raw.pragma('journal_size_limit = 67108864');
  const cached = withStatementCache(raw, () => checkpointer?.close(), counter);
  const database = process.env.HASHCHAT_SQLITE_PROFILE ? withStatementTimer(cached) : cached;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: sqliteDialect, stopped: async () => checkpointer?.close() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. The same
 * SQL text always gets the same prepared statement (better-sqlite3 runs one at a time, so a
 * statement is never in use twice). The oldest are dropped past the limit.
 */
function withStatementCache(raw: SqliteDatabase.Database, onClose: () => void, counter: QueryCounter) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text: string) {
      // Kysely prepares once per query it runs: counting here costs an addition.
      counter.statements++;
      const hit = cache.get(text);
      if (hit) return hit;
      // Oldest first out, not least recently used: reordering on every hit cost a second and
      // third hash of the SQL text per query, and the statements that matter are used constantly.
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      const stmt = raw.prepare(text);
      cache.set(text, stmt);
      return stmt;
    },
    close() {
      onClose();
      cache.clear();
      raw.close();
    },
  };
}

/**
 * A development aid (`HASHCHAT_SQLITE_PROFILE=1`): times every statement and prints the costliest
 * SQL texts to stderr when the process exits. Not for production: it adds a clock read per call.
 */
function withStatementTimer(inner: ReturnType<typeof withStatementCache>) {
  const stats = new Map<string, { calls: number; ns: bigint }>();
  const timed =
    <A extends unknown[], R>(text: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      const start = process.hrtime.bigint();
      try {
        return fn(...args);
      } finally {
        const s = stats.get(text) ?? { calls: 0, ns: 0n };
        s.calls += 1;
        s.ns += process.hrtime.bigint() - start;
        stats.set(text, s);
      }
    };
  process.once('exit', () => {
    const rows = [...stats].sort((a, b) => Number(b[1].ns - a[1].ns)).slice(0, 40);
    const total = [...stats.values()].reduce((t, s) => t + s.ns, 0n);
    process.stderr.write(`sqlite statements: ${Number(total) / 1e6} ms in all\n`);
    for (const [text, s] of rows) {
      const ms = Number(s.ns) / 1e6;
      process.stderr.write(
        `${ms.toFixed(1).padStart(9)} ms ${String(s.calls).padStart(7)}× ${((ms * 1000) / s.calls).toFixed(1).padStart(7)} µs  ${text.replace(/\s+/g, ' ').slice(0, 220)}\n`,
      );
    }
  });
  return {
    prepare(text: string) {
      const stmt = inner.prepare(text);
      return {
        reader: stmt.reader,
        all: timed(text, (p: unknown[]) => stmt.all(p)),
        run: timed(text, (p: unknown[]) => stmt.run(p)),
        iterate: (p: unknown[]) => stmt.iterate(p),
      };
    },
    close: () => inner.close(),
  };
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  bigint: 'bigint',
  ilike: 'like',
  addIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  async createStatusSearch(db) {
    // External-content FTS5 table kept in step by triggers: the text lives once, in statuses.
    await sql`CREATE VIRTUAL TABLE statuses_fts USING fts5(text, content='statuses', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`CREATE TRIGGER statuses_fts_ai AFTER INSERT ON statuses BEGIN
      INSERT INTO statuses_fts(rowid, text) VALUES (new.id, new.text); END`.execute(db);
    await sql`CREATE TRIGGER statuses_fts_ad AFTER DELETE ON statuses BEGIN
      INSERT INTO statuses_fts(statuses_fts, rowid, text) VALUES ('delete', old.id, old.text); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER statuses_fts_au AFTER UPDATE OF text ON statuses BEGIN
      INSERT INTO statuses_fts(statuses_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO statuses_fts(rowid, text) VALUES (new.id, new.text); END`.execute(db);
  },
  async searchStatusIds(db, query, limit, maxId) {
    const match = ftsQuery(query);
    if (!match) return [];
    const rows = await sql<{ id: number }>`SELECT rowid AS id FROM statuses_fts
      WHERE statuses_fts MATCH ${match} ${maxId !== null ? sql`AND rowid < ${maxId}` : sql``}
      ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },
  async lockEventSequence() {
    // SQLite has one writer at a time: commit order is id order already.
  },
  lockEventSequenceText: null,
};

/** Turns free text into an FTS5 query of quoted terms (all must match), so user input is never FTS syntax. */
function ftsQuery(q: string): string {
  const terms = q
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter(Boolean)
    .slice(0, 10);
  return terms.map((t) => `"${t.replaceAll('"', '')}"`).join(' ');
}
