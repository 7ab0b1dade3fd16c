import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/**
 * How many rows of `table` have `column` = `value`: the count behind every per-owner limit
 * (lists per account, members per list, keywords per filter, pins, featured hashtags).
 */
export async function countRows(
  db: Kysely<Database>,
  table: keyof Database,
  column: string,
  value: number,
): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
