import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Dialect } from './dialect';
import { openPostgres } from './dialects/postgres';
import { openSqlite } from './dialects/sqlite';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(config: Config['database']): Promise<Store> {
  const { db, dialect } =
    config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, config.poolSize);
  try {
    await migrateToLatest(db, dialect);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect, close: () => db.destroy() };
}
