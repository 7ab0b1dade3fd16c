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
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: () => {
      counter.statements++;
    },
  });
  return { db, dialect: postgresDialect, pool };
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
};
