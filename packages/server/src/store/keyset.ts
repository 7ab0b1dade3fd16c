import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

/** Mastodon's keyset cursor over one integer column (`max_id`, `since_id`, `min_id`, `limit`). */
export interface Keyset {
  maxId?: number;
  sinceId?: number;
  minId?: number;
  limit: number;
}

/**
 * Runs `q` as one keyset page on `column`: newest first below max_id (and above since_id),
 * or, with min_id, the rows just above it — fetched oldest first, returned newest first.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  column: string,
  k: Keyset,
): Promise<O[]> {
  const ref = sql.ref(column);
  // max_id is positive and ids start at 1, so a falsy max_id/since_id is no bound at all.
  if (k.maxId) q = q.where(sql<SqlBool>`${ref} < ${k.maxId}`);
  if (k.sinceId) q = q.where(sql<SqlBool>`${ref} > ${k.sinceId}`);
  const ascending = k.minId !== undefined;
  if (ascending) q = q.where(sql<SqlBool>`${ref} > ${k.minId}`);
  const rows = await q
    .orderBy(ref, ascending ? 'asc' : 'desc')
    .limit(k.limit)
    .execute();
  return ascending ? rows.reverse() : rows;
}
