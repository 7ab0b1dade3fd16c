import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Dialect, QueryCounter } from '../dialect';
import type { Database } from '../schema';

const INT8 = 20;
const NUMERIC = 1700;

/** Opens a PostgreSQL pool behind Kysely; int8 and numeric come back as JS numbers like on SQLite. */
export function openPostgres(
  url: string,
  poolSize: number,
  counter: QueryCounter = { statements: 0 },
): { db: Kysely<Database>; dialect: Dialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8 || oid === NUMERIC
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server ends (a restart, a failover, a dropped database) must not
  // crash the process: the pool discards it and the next query opens a fresh one.
  pool.on('error', () => {});
  pool.on('connect', acceptCommitPipelines);
  if (process.env.HASHCHAT_PG_PROFILE) pool.on('connect', timeStatements());
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: () => {
      counter.statements++;
    },
  });
  return { db, dialect: postgresDialect, pool };
}

/**
 * Marks a statement text that ends its transaction with `commit` in the same round trip (see
 * `commitPipeline`). Only texts without bound parameters: PostgreSQL runs several statements in
 * one message only in its simple protocol.
 */
export const COMMIT_PIPELINE = '/* hashchat:commit-pipeline */';

/**
 * Lets a transaction send its last statements and `commit` as one message: the statements run
 * and the transaction commits on the server without waiting for this process in between. What
 * that is for: the event outbox's sequence lock (appendEvents) is held until commit, and every
 * round trip under it, each waiting for this process's event loop to read the answer and send
 * the next statement, was time every other writer waited too (docs/performance.md).
 *
 * Kysely still sends its own `commit` (or `rollback`) afterwards: this client answers that one
 * itself. Any other statement on the committed transaction is an error, never run outside it.
 * The answer to a pipeline is one row, `{ results }`, each statement's rows in order.
 */
function acceptCommitPipelines(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<unknown>;
  let committed = false;
  const patched = (text: unknown, values?: unknown) => {
    if (typeof text === 'string') {
      if (committed) {
        committed = false;
        if (text === 'commit' || text === 'rollback')
          return Promise.resolve({ command: text.toUpperCase(), rowCount: null, rows: [] });
        return Promise.reject(new Error('statement after the transaction committed in a pipeline'));
      }
      if (text.startsWith(COMMIT_PIPELINE)) {
        return query(text).then((out) => {
          committed = true;
          const results = (Array.isArray(out) ? out : [out]) as pg.QueryResult[];
          return { command: 'SELECT', rowCount: 1, rows: [{ results: results.map((r) => r.rows) }] };
        });
      }
    }
    return query(text as string, values as unknown[]);
  };
  client.query = patched as typeof client.query;
}

/**
 * A development aid (`HASHCHAT_PG_PROFILE=1`): per statement text, the time from sending it to
 * its answer (round trip and the server's work) and, inside a transaction, the time this process
 * took to send it after the previous answer (its event loop and the code between statements;
 * every lock the transaction holds is held that long too). Printed to stderr at exit.
 */
function timeStatements() {
  const stats = new Map<string, { calls: number; ms: number; gapMs: number }>();
  process.once('exit', () => {
    const rows = [...stats].sort((a, b) => b[1].ms + b[1].gapMs - (a[1].ms + a[1].gapMs)).slice(0, 40);
    process.stderr.write('postgres statements: total ms (answer / gap before it), calls, text\n');
    for (const [text, s] of rows) {
      process.stderr.write(
        `${s.ms.toFixed(0).padStart(8)} / ${s.gapMs.toFixed(0).padStart(8)} ms ${String(s.calls).padStart(7)}×  ${text.replace(/\s+/g, ' ').slice(0, 200)}\n`,
      );
    }
  });
  return (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<unknown>;
    let inTransaction = false;
    let lastAnswer = 0;
    const timed = async (text: unknown, values?: unknown) => {
      const key = String(text).startsWith(COMMIT_PIPELINE) ? COMMIT_PIPELINE : String(text).slice(0, 300);
      const start = performance.now();
      const s = stats.get(key) ?? { calls: 0, ms: 0, gapMs: 0 };
      stats.set(key, s);
      s.calls++;
      if (inTransaction) s.gapMs += start - lastAnswer;
      if (key === 'begin') inTransaction = true;
      if (key === 'commit' || key === 'rollback') inTransaction = false;
      try {
        return await query(text as string, values as unknown[]);
      } finally {
        lastAnswer = performance.now();
        s.ms += lastAnswer - start;
      }
    };
    client.query = timed as typeof client.query;
  };
}

/** A value as an SQL literal, for a pipeline's text (which cannot bind parameters). */
export function pgLiteral(value: string | number | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  return pg.escapeLiteral(value);
}

/** The text search configuration of statuses.search (created by the first migration). */
const SEARCH_CONFIG = 'hashchat_search';

// An arbitrary, fixed key for the transaction-scoped advisory lock around event inserts.
const EVENT_SEQUENCE_LOCK = 0x4841_5348;

export const postgresDialect: Dialect = {
  name: 'postgres',
  bigint: 'bigint',
  ilike: 'ilike',
  addIdColumn: (table) => table.addColumn('id', 'bigserial', (c) => c.primaryKey()),
  async createStatusSearch(db) {
    // Like SQLite's unicode61 tokenizer with remove_diacritics: whole words, case- and
    // accent-insensitive, no stemming. A configuration constant keeps to_tsvector immutable,
    // as a generated column needs. unaccent ships with PostgreSQL and is a trusted extension.
    const unaccent = await sql`SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'`.execute(db);
    if (unaccent.rows.length > 0) await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
    await sql`CREATE TEXT SEARCH CONFIGURATION ${sql.raw(SEARCH_CONFIG)} (COPY = simple)`.execute(db);
    if (unaccent.rows.length > 0) {
      await sql`ALTER TEXT SEARCH CONFIGURATION ${sql.raw(SEARCH_CONFIG)} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(
        db,
      );
    }
    await sql`ALTER TABLE statuses ADD COLUMN search tsvector
      GENERATED ALWAYS AS (to_tsvector(${sql.lit(SEARCH_CONFIG)}::regconfig, text)) STORED`.execute(db);
    await sql`CREATE INDEX statuses_search_idx ON statuses USING GIN (search)`.execute(db);
  },
  async searchStatusIds(db, query, limit, maxId) {
    const terms = query
      .split(/[^\p{L}\p{M}\p{N}_]+/u)
      .filter(Boolean)
      .slice(0, 10);
    if (terms.length === 0) return [];
    const rows = await sql<{ id: number }>`SELECT id FROM statuses
      WHERE search @@ plainto_tsquery(${sql.lit(SEARCH_CONFIG)}::regconfig, ${terms.join(' ')})
      ${maxId !== null ? sql`AND id < ${maxId}` : sql``}
      ORDER BY id DESC LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },
  async lockEventSequence(trx) {
    await sql`SELECT pg_advisory_xact_lock(${EVENT_SEQUENCE_LOCK})`.execute(trx);
  },
  lockEventSequenceText: `SELECT pg_advisory_xact_lock(${EVENT_SEQUENCE_LOCK})`,
};
