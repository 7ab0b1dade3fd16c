import type { Kysely } from 'kysely';
import { decrement, increment } from './counters';
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

/** Follows an account once, counting it on both; false when the follow was there. */
export async function insertFollow(db: Kysely<Database>, accountId: number, targetId: number, now: number) {
  const res = await db
    .insertInto('follows')
    .values({ account_id: accountId, target_account_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db
    .updateTable('accounts')
    .set({ following_count: increment('following_count') })
    .where('id', '=', accountId)
    .execute();
  await db
    .updateTable('accounts')
    .set({ followers_count: increment('followers_count') })
    .where('id', '=', targetId)
    .execute();
  return true;
}

/** Ends a follow, taking it off both counters; false when there was none. */
export async function deleteFollow(db: Kysely<Database>, accountId: number, targetId: number) {
  const res = await db
    .deleteFrom('follows')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) return false;
  await db
    .updateTable('accounts')
    .set({ following_count: decrement('following_count') })
    .where('id', '=', accountId)
    .execute();
  await db
    .updateTable('accounts')
    .set({ followers_count: decrement('followers_count') })
    .where('id', '=', targetId)
    .execute();
  return true;
}

/** Of these accounts, those the account follows and those that follow it. */
export async function followsAmong(db: Kysely<Database>, accountId: number, ids: number[]) {
  const [following, followedBy] = await Promise.all([
    db
      .selectFrom('follows')
      .select('target_account_id')
      .where('account_id', '=', accountId)
      .where('target_account_id', 'in', ids)
      .execute(),
    db
      .selectFrom('follows')
      .select('account_id')
      .where('target_account_id', '=', accountId)
      .where('account_id', 'in', ids)
      .execute(),
  ]);
  return {
    following: new Set(following.map((r) => Number(r.target_account_id))),
    followedBy: new Set(followedBy.map((r) => Number(r.account_id))),
  };
}
