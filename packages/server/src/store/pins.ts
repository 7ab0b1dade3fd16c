import type { Kysely } from 'kysely';
import { countRows } from './count-rows';
import type { Database } from './schema';

/** Pins a status once (a second pin of it changes nothing). */
export async function insertPin(db: Kysely<Database>, accountId: number, statusId: number, now: number) {
  await db
    .insertInto('status_pins')
    .values({ account_id: accountId, status_id: statusId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .execute();
}

export async function deletePin(db: Kysely<Database>, accountId: number, statusId: number) {
  await db
    .deleteFrom('status_pins')
    .where('account_id', '=', accountId)
    .where('status_id', '=', statusId)
    .execute();
}

/** The account's pinned status ids, the latest pinned first. */
export async function pinnedStatusIds(db: Kysely<Database>, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('status_pins')
    .select('status_id')
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => Number(r.status_id));
}

export const countPins = (db: Kysely<Database>, id: number) => countRows(db, 'status_pins', 'account_id', id);
