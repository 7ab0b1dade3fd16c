import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** How many local accounts (suspended ones too) and statuses of theirs the instance holds. */
export async function instanceCounts(db: Kysely<Database>) {
  const [users, statuses] = await Promise.all([
    db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('domain', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('statuses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('uri', 'is', null)
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

/**
 * NodeInfo's usage numbers: accounts that are not suspended, those of them that posted in the
 * last 30 and 180 days (Hashchat records no sign-ins, so a post is what counts as active), and
 * the statuses written here.
 */
export async function nodeInfoUsage(db: Kysely<Database>, now: number) {
  const DAY = 86_400_000;
  const active = (days: number) =>
    db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('suspended_at', 'is', null)
      .where('domain', 'is', null)
      .where('last_status_at', '>=', now - days * DAY)
      .executeTakeFirst();
  const [total, month, halfYear, posts] = await Promise.all([
    db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('suspended_at', 'is', null)
      .where('domain', 'is', null)
      .executeTakeFirst(),
    active(30),
    active(180),
    db
      .selectFrom('statuses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reblog_of_id', 'is', null)
      .where('uri', 'is', null)
      .executeTakeFirst(),
  ]);
  return {
    users: {
      total: Number(total?.n ?? 0),
      activeMonth: Number(month?.n ?? 0),
      activeHalfyear: Number(halfYear?.n ?? 0),
    },
    localPosts: Number(posts?.n ?? 0),
  };
}
