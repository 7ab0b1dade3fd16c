import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The account's feed token after offering `token`: a new account takes it; an existing one
 * keeps its own unless `reset`. Two first requests at once still agree on one token.
 */
export async function claimFeedToken(
  db: Kysely<Database>,
  accountId: number,
  token: string,
  reset: boolean,
  now: number,
): Promise<string> {
  await db
    .insertInto('calendar_feeds')
    .values({ account_id: accountId, token, created_at: now })
    .onConflict((oc) =>
      reset
        ? oc.column('account_id').doUpdateSet({ token, created_at: now })
        : oc.column('account_id').doNothing(),
    )
    .execute();
  const row = await db
    .selectFrom('calendar_feeds')
    .select('token')
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.token;
}

export async function feedOwner(db: Kysely<Database>, token: string): Promise<number | null> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select('account_id')
    .where('token', '=', token)
    .executeTakeFirst();
  return row ? Number(row.account_id) : null;
}
