import type { Kysely } from 'kysely';
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
