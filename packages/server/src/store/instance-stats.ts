import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** How many accounts (suspended ones too) and statuses the instance holds. */
export async function instanceCounts(db: Kysely<Database>) {
  const [users, statuses] = await Promise.all([
    db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('statuses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { users: Number(users?.n ?? 0), statuses: Number(statuses?.n ?? 0) };
}

/** The oldest admin account's id: the instance's contact. */
export async function firstAdminId(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}
