import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config';
import type { Dialect, QueryCounter } from './dialect';
import { openSqlite } from './dialects/sqlite';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { TagIdCache } from './tag-id-cache';
import { WriteBatcher } from './write-batch';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Runs `work` in a write transaction. On SQLite, concurrent writes share one commit (see
   * write-batch.ts), each in its own savepoint; on PostgreSQL it is `db.transaction()`.
   */
  writeTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Committed tag ids by name, so writing a status need not look its hashtags up. */
  tagIds: TagIdCache;
  /** Statements run so far (tests count the queries of a request path with it). */
  queries: QueryCounter;
  close(): Promise<void>;
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(config: Config['database']): Promise<Store> {
  const queries: QueryCounter = { statements: 0 };
  const opened: { db: Kysely<Database>; dialect: Dialect; stopped?: () => Promise<void> } =
    config.kind === 'sqlite'
      ? openSqlite(config.file, queries)
      : // pg is imported only for PostgreSQL (a SQLite server never loads it).
        (await import('./dialects/postgres')).openPostgres(config.url, config.poolSize, queries);
  const { db, dialect } = opened;
  // SQLite's checkpoint worker stops after the file is closed: closed means both.
  const close = async () => {
    await db.destroy();
    await opened.stopped?.();
  };
  try {
    await migrateToLatest(db, dialect);
  } catch (err) {
    await close();
    throw err;
  }
  const batcher = dialect.name === 'sqlite' ? new WriteBatcher(db) : null;
  return {
    db,
    dialect,
    writeTransaction: (work) => (batcher ? batcher.run(work) : db.transaction().execute(work)),
    tagIds: new TagIdCache(),
    queries,
    close,
  };
}
