import pg from 'pg';

const ADMIN_URL = process.env.HASHCHAT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PgDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database (dropped by `drop`, connections and all). */
export async function createPgDatabase(prefix = 'hashchat_scale'): Promise<PgDatabase> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
