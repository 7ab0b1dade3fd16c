import type { Kysely } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database } from './schema';

/** The two per-account lists of statuses, both keyed by their own row id. */
export type SavedList = 'favourites' | 'bookmarks';

/** One keyset page of an account's favourites or bookmarks, newest first: each row's id and status. */
export async function savedStatusPage(
  db: Kysely<Database>,
  list: SavedList,
  accountId: number,
  k: Keyset,
): Promise<{ id: number; statusId: number }[]> {
  const rows = await keysetPage(
    db.selectFrom(list).select(['id', 'status_id']).where('account_id', '=', accountId),
    'id',
    k,
  );
  return rows.map((r) => ({ id: Number(r.id), statusId: Number(r.status_id) }));
}

/** Bookmarks a status; a second time changes nothing. */
export async function addBookmark(db: Kysely<Database>, accountId: number, statusId: number, now: number) {
  await db
    .insertInto('bookmarks')
    .values({ account_id: accountId, status_id: statusId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .execute();
}

export async function removeBookmark(db: Kysely<Database>, accountId: number, statusId: number) {
  await db
    .deleteFrom('bookmarks')
    .where('account_id', '=', accountId)
    .where('status_id', '=', statusId)
    .execute();
}
