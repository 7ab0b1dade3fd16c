import type { Kysely, Selectable } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database, ScheduledStatusesTable } from './schema';

export type ScheduledStatusRow = Selectable<ScheduledStatusesTable>;

export async function insertScheduledStatus(
  db: Kysely<Database>,
  row: { account_id: number; scheduled_at: number; params: string; created_at: number },
): Promise<ScheduledStatusRow> {
  return db.insertInto('scheduled_statuses').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findScheduledStatus(
  db: Kysely<Database>,
  id: number,
): Promise<ScheduledStatusRow | undefined> {
  return db.selectFrom('scheduled_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An account's scheduled statuses, one keyset page by id, newest first. */
export function listScheduledStatuses(
  db: Kysely<Database>,
  accountId: number,
  page: Keyset,
): Promise<ScheduledStatusRow[]> {
  return keysetPage(
    db.selectFrom('scheduled_statuses').selectAll().where('account_id', '=', accountId),
    'id',
    page,
  );
}

export async function countScheduledStatuses(db: Kysely<Database>, accountId: number): Promise<number> {
  const r = await db
    .selectFrom('scheduled_statuses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setScheduledAt(db: Kysely<Database>, id: number, at: number): Promise<void> {
  await db.updateTable('scheduled_statuses').set({ scheduled_at: at }).where('id', '=', id).execute();
}

/** Deletes a scheduled status; false when it was gone already (cancelled, or published by another run). */
export async function deleteScheduledStatus(db: Kysely<Database>, id: number): Promise<boolean> {
  const r = await db.deleteFrom('scheduled_statuses').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
