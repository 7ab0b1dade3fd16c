import { type Kysely, sql } from 'kysely';
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

/** Every account an account follows, and whether their reblogs show (a user stream's topics). */
export async function followedAccounts(db: Kysely<Database>, accountId: number) {
  const rows = await db
    .selectFrom('follows')
    .select(['target_account_id', 'show_reblogs'])
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((r) => ({ id: Number(r.target_account_id), showReblogs: Number(r.show_reblogs) !== 0 }));
}

/** Follows an account once, counting it on both; false when the follow was there. */
export async function insertFollow(
  db: Kysely<Database>,
  accountId: number,
  targetId: number,
  now: number,
  options: { show_reblogs: number; notify: number },
) {
  const res = await db
    .insertInto('follows')
    .values({ account_id: accountId, target_account_id: targetId, created_at: now, ...options })
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

/** Changes an existing follow's options (0/1 flags). */
export async function updateFollowOptions(
  db: Kysely<Database>,
  accountId: number,
  targetId: number,
  change: { show_reblogs?: number; notify?: number },
) {
  await db
    .updateTable('follows')
    .set(change)
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .execute();
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

/** Of these accounts, those the account follows (with the follow's options) and those that follow it. */
export async function followsAmong(db: Kysely<Database>, accountId: number, ids: number[]) {
  const [following, followedBy] = await Promise.all([
    db
      .selectFrom('follows')
      .select(['target_account_id', 'show_reblogs', 'notify'])
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
    following: new Map(following.map((r) => [Number(r.target_account_id), r])),
    followedBy: new Set(followedBy.map((r) => Number(r.account_id))),
  };
}

/** Accounts that follow `accountId` and asked to be notified of its posts (`notify`). */
export async function notifiedFollowerIds(db: Kysely<Database>, accountId: number): Promise<number[]> {
  // SQL text, run for every new status: `notify = 1` written out, not bound, so the planner can
  // use the partial index on exactly those rows (follows_notify_idx, migration 010).
  const { rows } = await sql<{ account_id: number }>`select account_id from follows
    where target_account_id = ${accountId} and notify = 1`.execute(db);
  return rows.map((r) => Number(r.account_id));
}

/** Of `targetIds`, those `accountId` follows. */
export async function followedAmong(db: Kysely<Database>, accountId: number, targetIds: number[]) {
  if (targetIds.length === 0) return [];
  const rows = await db
    .selectFrom('follows')
    .select('target_account_id')
    .where('account_id', '=', accountId)
    .where('target_account_id', 'in', targetIds)
    .execute();
  return rows.map((r) => Number(r.target_account_id));
}
