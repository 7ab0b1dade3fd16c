import type { Database } from '../../src/store/schema';
import type { TestServer } from './test-server';

/** Rows in a table, read straight from the server's database (to prove nothing was written). */
export async function countRows(server: TestServer, table: keyof Database): Promise<number> {
  const row = await server.ctx.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
