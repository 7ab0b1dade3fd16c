import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './dialect';
import type { Database } from './schema';

/** A live entry of the federation key–value store (key and value as stored JSON text). */
export interface KvRow {
  key: string;
  value: string;
}

/** The entry's value text, or undefined when absent or expired. */
export async function getKv(db: Kysely<Database>, key: string, now: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('federation_kv')
    .select('value')
    .where('key', '=', key)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return row?.value;
}

/** The entry's value text and expiry (ms, null for none), or undefined when absent or expired. */
export async function getKvEntry(
  db: Kysely<Database>,
  key: string,
  now: number,
): Promise<{ value: string; expiresAt: number | null } | undefined> {
  const row = await db
    .selectFrom('federation_kv')
    .select(['value', 'expires_at'])
    .where('key', '=', key)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return row && { value: row.value, expiresAt: row.expires_at === null ? null : Number(row.expires_at) };
}

/** Sets (or replaces) an entry; `expiresAt` null keeps it until deleted. */
export async function putKv(
  db: Kysely<Database> | Transaction<Database>,
  key: string,
  value: string,
  expiresAt: number | null,
): Promise<void> {
  await db
    .insertInto('federation_kv')
    .values({ key, value, expires_at: expiresAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, expires_at: expiresAt }))
    .execute();
}

export async function deleteKv(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('federation_kv').where('key', '=', key).execute();
}

/**
 * Compare-and-swap in one transaction: `matches` judges the current value (undefined when absent
 * or expired); only then is `value` written. PostgreSQL locks the row (or, for an absent key,
 * lets the insert's conflict decide); SQLite has one writer, so the transaction is atomic there.
 */
export async function casKv(
  db: Kysely<Database>,
  dialect: Dialect,
  key: string,
  matches: (current: string | undefined) => boolean,
  value: string,
  expiresAt: number | null,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('federation_kv').select(['value', 'expires_at']).where('key', '=', key);
    if (dialect.name === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    const current = row && (row.expires_at === null || Number(row.expires_at) > now) ? row.value : undefined;
    if (!matches(current)) return false;
    if (row) {
      await trx
        .updateTable('federation_kv')
        .set({ value, expires_at: expiresAt })
        .where('key', '=', key)
        .execute();
      return true;
    }
    const res = await trx
      .insertInto('federation_kv')
      .values({ key, value, expires_at: expiresAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    // Another writer inserted the key meanwhile: its value was not the expected absence.
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  });
}

/**
 * Live entries whose key text lies in [from, to), in key order, `limit` at a time after `after`.
 * Keys compare byte-wise on both dialects (see migration 016), so a JSON-array prefix is a range.
 */
export async function listKv(
  db: Kysely<Database>,
  range: { from: string; to: string } | null,
  after: string | null,
  limit: number,
  now: number,
): Promise<KvRow[]> {
  let q = db
    .selectFrom('federation_kv')
    .select(['key', 'value'])
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('key')
    .limit(limit);
  if (range) q = q.where('key', '>=', range.from).where('key', '<', range.to);
  if (after !== null) q = q.where('key', '>', after);
  return q.execute();
}

/** Deletes expired entries; returns how many. */
export async function sweepKv(db: Kysely<Database>, now: number): Promise<number> {
  const res = await db.deleteFrom('federation_kv').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
