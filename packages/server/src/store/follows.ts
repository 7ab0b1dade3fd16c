import type { Kysely } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database } from './schema';

export async function isFollowing(db: Kysely<Database>, accountId: number, targetId: number) {
  const row = await db
    .selectFrom('follows')
    .select('account_id')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return Boolean(row);
}

/** One keyset page of an account's followers or followed accounts, as account ids (keyed on them). */
export async function followAccountIds(
  db: Kysely<Database>,
  accountId: number,
  list: 'followers' | 'following',
  k: Keyset,
): Promise<number[]> {
  const [mine, other] =
    list === 'followers'
      ? (['target_account_id', 'account_id'] as const)
      : (['account_id', 'target_account_id'] as const);
  const rows = await keysetPage(db.selectFrom('follows').select(other).where(mine, '=', accountId), other, k);
  return rows.map((r) => Number((r as Record<string, number>)[other]));
}

/** Every account an account follows (a user stream's topics). */
export async function allFollowedAccountIds(db: Kysely<Database>, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('follows')
    .select('target_account_id')
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((r) => Number(r.target_account_id));
}
