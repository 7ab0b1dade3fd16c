import { type Kysely, sql } from 'kysely';
import { decrement } from './counters';
import type { Database } from './schema';

/** One page of the accounts that favourited a status, newest account id first. */
export async function favouritedByIds(
  db: Kysely<Database>,
  statusId: number,
  maxId: number | undefined,
  limit: number,
) {
  let sel = db.selectFrom('favourites').select('account_id').where('status_id', '=', statusId);
  if (maxId) sel = sel.where('account_id', '<', maxId);
  const rows = await sel.orderBy('account_id', 'desc').limit(limit).execute();
  return rows.map((r) => Number(r.account_id));
}

/** One page of the accounts that reblogged a status, newest account id first. */
export async function rebloggedByIds(
  db: Kysely<Database>,
  statusId: number,
  maxId: number | undefined,
  limit: number,
) {
  let sel = db.selectFrom('statuses').select('account_id').where('reblog_of_id', '=', statusId);
  if (maxId) sel = sel.where('account_id', '<', maxId);
  const rows = await sel.orderBy('account_id', 'desc').limit(limit).execute();
  return rows.map((r) => Number(r.account_id));
}

/** Favourites a status once; returns its author when the favourite is new, null when it was there. */
export async function addFavourite(db: Kysely<Database>, accountId: number, statusId: number, now: number) {
  const inserted = await db
    .insertInto('favourites')
    .values({ account_id: accountId, status_id: statusId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  await db
    .updateTable('statuses')
    .set({ favourites_count: sql`favourites_count + 1` })
    .where('id', '=', statusId)
    .execute();
  const author = await db
    .selectFrom('statuses')
    .select('account_id')
    .where('id', '=', statusId)
    .executeTakeFirstOrThrow();
  return Number(author.account_id);
}

/** Takes a favourite back with its count and its notification; whether there was one. */
export async function removeFavourite(db: Kysely<Database>, accountId: number, statusId: number) {
  const del = await db
    .deleteFrom('favourites')
    .where('account_id', '=', accountId)
    .where('status_id', '=', statusId)
    .executeTakeFirst();
  if (Number(del.numDeletedRows) === 0) return false;
  await db
    .updateTable('statuses')
    .set({ favourites_count: decrement('favourites_count') })
    .where('id', '=', statusId)
    .execute();
  await deleteInteractionNotification(db, 'favourite', accountId, statusId);
  return true;
}

/** The account's reblog of a status, if it has one. */
export async function findReblogId(db: Kysely<Database>, accountId: number, targetId: number) {
  const row = await db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', accountId)
    .where('reblog_of_id', '=', targetId)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** Writes a reblog and counts it on its target and its author. */
export async function insertReblog(db: Kysely<Database>, accountId: number, targetId: number, now: number) {
  const r = await db
    .insertInto('statuses')
    .values({
      account_id: accountId,
      text: '',
      content: '',
      spoiler_text: '',
      sensitive: 0,
      visibility: 'public',
      language: null,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog_of_id: targetId,
      created_at: now,
      edited_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const target = await db
    .updateTable('statuses')
    .set({ reblogs_count: sql`reblogs_count + 1` })
    .where('id', '=', targetId)
    .returning('reblogs_count')
    .executeTakeFirstOrThrow();
  const account = await db
    .updateTable('accounts')
    .set({ statuses_count: sql`statuses_count + 1`, last_status_at: now })
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirstOrThrow();
  // The rows as they are now, so the boost is presented without reading them back.
  return { reblog: r, reblogsCount: Number(target.reblogs_count), account };
}

/** Deletes a reblog, takes it off the counters and drops its notification. */
export async function deleteReblog(
  db: Kysely<Database>,
  reblogId: number,
  accountId: number,
  targetId: number,
) {
  await db.deleteFrom('statuses').where('id', '=', reblogId).execute();
  await db
    .updateTable('statuses')
    .set({ reblogs_count: decrement('reblogs_count') })
    .where('id', '=', targetId)
    .execute();
  await db
    .updateTable('accounts')
    .set({ statuses_count: decrement('statuses_count') })
    .where('id', '=', accountId)
    .execute();
  await deleteInteractionNotification(db, 'reblog', accountId, targetId);
}

async function deleteInteractionNotification(
  db: Kysely<Database>,
  type: 'favourite' | 'reblog',
  fromAccountId: number,
  statusId: number,
) {
  await db
    .deleteFrom('notifications')
    .where('type', '=', type)
    .where('status_id', '=', statusId)
    .where('from_account_id', '=', fromAccountId)
    .execute();
}
