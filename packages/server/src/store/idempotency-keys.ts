import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** The status an Idempotency-Key made, if it was used after `since`. */
export async function findIdempotentStatusId(
  db: Kysely<Database>,
  accountId: number,
  key: string,
  since: number,
): Promise<number | null> {
  const hit = await db
    .selectFrom('idempotency_keys')
    .select('status_id')
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return hit ? Number(hit.status_id) : null;
}

/** Drops a key used at or before `before`, so it may be used again. */
export async function deleteExpiredIdempotencyKey(
  db: Kysely<Database>,
  accountId: number,
  key: string,
  before: number,
) {
  await db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .where('created_at', '<=', before)
    .execute();
}

export async function insertIdempotencyKey(
  db: Kysely<Database>,
  values: { account_id: number; key: string; status_id: number; created_at: number },
) {
  await db.insertInto('idempotency_keys').values(values).execute();
}
