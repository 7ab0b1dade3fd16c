import { type Kysely, sql } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database, NotificationType } from './schema';

export interface NotificationFilter {
  types: NotificationType[];
  excludeTypes: NotificationType[];
  fromAccountId?: number;
}

/** One keyset page of an account's notifications, newest first. */
export function listNotifications(db: Kysely<Database>, accountId: number, f: NotificationFilter, k: Keyset) {
  let q = db.selectFrom('notifications').selectAll().where('account_id', '=', accountId);
  if (f.types.length > 0) q = q.where('type', 'in', f.types);
  if (f.excludeTypes.length > 0) q = q.where('type', 'not in', f.excludeTypes);
  if (f.fromAccountId) q = q.where('from_account_id', '=', f.fromAccountId);
  return keysetPage(q, 'id', k);
}

/** One of the account's notifications; undefined when it is someone else's. */
export const findNotification = (db: Kysely<Database>, accountId: number, id: number) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();

/** Deletes one of the account's notifications; false when there was none to delete. */
export async function dismissNotification(db: Kysely<Database>, accountId: number, id: number) {
  const res = await db
    .deleteFrom('notifications')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function clearNotifications(db: Kysely<Database>, accountId: number) {
  await db.deleteFrom('notifications').where('account_id', '=', accountId).execute();
}

/** Drops every notification about a status (it was held before anyone should hear of it). */
export async function deleteStatusNotifications(db: Kysely<Database>, statusId: number) {
  await db.deleteFrom('notifications').where('status_id', '=', statusId).execute();
}

export type NotificationRow = {
  id: number;
  account_id: number;
  from_account_id: number;
  type: NotificationType;
  status_id: number | null;
  ref_id: number | null;
  created_at: number;
};

/** Rows per insert statement in insertNotifications (6 parameters each). */
const NOTIFICATION_ROWS_PER_INSERT = 500;

/**
 * Inserts notifications, many rows to a statement: a post by a host whose followers asked to be
 * notified (`notify`) makes one per follower, inside the post's transaction. Returns the rows
 * in the order given (their ids ascend in that order).
 */
export async function insertNotifications(
  db: Kysely<Database>,
  list: {
    accountId: number;
    fromAccountId: number;
    type: NotificationType;
    statusId: number | null;
    refId?: number | null;
  }[],
  now: number,
): Promise<NotificationRow[]> {
  const out: NotificationRow[] = [];
  for (let i = 0; i < list.length; i += NOTIFICATION_ROWS_PER_INSERT) {
    const chunk = list.slice(i, i + NOTIFICATION_ROWS_PER_INSERT);
    const { rows } = await sql<NotificationRow>`insert into notifications
      (account_id, from_account_id, type, status_id, ref_id, created_at)
      values ${sql.join(
        chunk.map(
          (n) =>
            sql`(${n.accountId}, ${n.fromAccountId}, ${n.type}, ${n.statusId}, ${n.refId ?? null}, ${now})`,
        ),
      )}
      returning *`.execute(db);
    // RETURNING's order is not promised on either database; the ids are, in insertion order.
    out.push(...rows.sort((a, b) => Number(a.id) - Number(b.id)));
  }
  return out;
}

/** Whether any notification of this type about the status exists (a job run twice sends once). */
export async function hasNotificationOfType(db: Kysely<Database>, statusId: number, type: NotificationType) {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('status_id', '=', statusId)
    .where('type', '=', type)
    .executeTakeFirst();
  return row !== undefined;
}
