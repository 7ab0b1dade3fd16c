import type { Kysely } from 'kysely';
import { countRows } from './count-rows';
import type { Database, FilterAction } from './schema';

export interface FilterRow {
  id: number;
  account_id: number;
  title: string;
  context: string;
  filter_action: FilterAction;
  expires_at: number | null;
}
export interface FilterKeywordRow {
  id: number;
  filter_id: number;
  keyword: string;
  whole_word: number;
}
export interface FilterStatusRow {
  id: number;
  filter_id: number;
  status_id: number;
}
/** A filter with its keywords and statuses, as the Filter entity shows it. */
export interface FullFilter extends FilterRow {
  keywords: FilterKeywordRow[];
  statuses: FilterStatusRow[];
}

const filterColumns = ['id', 'account_id', 'title', 'context', 'filter_action', 'expires_at'] as const;
const keywordColumns = ['id', 'filter_id', 'keyword', 'whole_word'] as const;
const statusColumns = ['id', 'filter_id', 'status_id'] as const;

/** The account's filters with their keywords and statuses, oldest first; `activeAt` leaves out expired ones. */
export async function filtersOf(
  db: Kysely<Database>,
  accountId: number,
  opts: { activeAt?: number; id?: number } = {},
): Promise<FullFilter[]> {
  let q = db.selectFrom('filters').select(filterColumns).where('account_id', '=', accountId);
  if (opts.id !== undefined) q = q.where('id', '=', opts.id);
  if (opts.activeAt !== undefined) {
    const now = opts.activeAt;
    q = q.where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  }
  const filters = await q.orderBy('id').execute();
  if (filters.length === 0) return [];
  const ids = filters.map((f) => Number(f.id));
  const [keywords, statuses] = await Promise.all([
    db
      .selectFrom('filter_keywords')
      .select(keywordColumns)
      .where('filter_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('filter_statuses')
      .select(statusColumns)
      .where('filter_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return filters.map((f) => ({
    ...f,
    keywords: keywords.filter((k) => Number(k.filter_id) === Number(f.id)),
    statuses: statuses.filter((s) => Number(s.filter_id) === Number(f.id)),
  }));
}

export function insertFilter(
  db: Kysely<Database>,
  values: Omit<FilterRow, 'id'> & { created_at: number },
): Promise<FilterRow> {
  return db.insertInto('filters').values(values).returning(filterColumns).executeTakeFirstOrThrow();
}

export async function updateFilter(
  db: Kysely<Database>,
  id: number,
  change: Partial<Pick<FilterRow, 'title' | 'context' | 'filter_action' | 'expires_at'>>,
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db.updateTable('filters').set(change).where('id', '=', id).execute();
}

export async function deleteFilter(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('filter_keywords').where('filter_id', '=', id).execute();
  await db.deleteFrom('filter_statuses').where('filter_id', '=', id).execute();
  await db.deleteFrom('filters').where('id', '=', id).execute();
}

/** A keyword by id, with the account its filter belongs to. */
export function findKeyword(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('filter_keywords as k')
    .innerJoin('filters as f', 'f.id', 'k.filter_id')
    .select(['k.id', 'k.filter_id', 'k.keyword', 'k.whole_word', 'f.account_id'])
    .where('k.id', '=', id)
    .executeTakeFirst();
}

export function insertKeyword(
  db: Kysely<Database>,
  values: { filter_id: number; keyword: string; whole_word: number; created_at: number },
): Promise<FilterKeywordRow> {
  return db.insertInto('filter_keywords').values(values).returning(keywordColumns).executeTakeFirstOrThrow();
}

/** Changes a keyword of the filter (none when it is another filter's). */
export async function updateKeyword(
  db: Kysely<Database>,
  filterId: number,
  id: number,
  change: { keyword?: string; whole_word?: number },
): Promise<boolean> {
  if (Object.keys(change).length === 0) return true;
  const r = await db
    .updateTable('filter_keywords')
    .set(change)
    .where('id', '=', id)
    .where('filter_id', '=', filterId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteKeyword(db: Kysely<Database>, filterId: number, id: number): Promise<void> {
  await db.deleteFrom('filter_keywords').where('id', '=', id).where('filter_id', '=', filterId).execute();
}

/** A filtered status by id, with the account its filter belongs to. */
export function findFilterStatus(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('filter_statuses as s')
    .innerJoin('filters as f', 'f.id', 's.filter_id')
    .select(['s.id', 's.filter_id', 's.status_id', 'f.account_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Adds a status to a filter; undefined when it is on it already. */
export function insertFilterStatus(
  db: Kysely<Database>,
  values: { filter_id: number; status_id: number; created_at: number },
): Promise<FilterStatusRow | undefined> {
  return db
    .insertInto('filter_statuses')
    .values(values)
    .onConflict((oc) => oc.columns(['filter_id', 'status_id']).doNothing())
    .returning(statusColumns)
    .executeTakeFirst();
}

export async function deleteFilterStatus(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('filter_statuses').where('id', '=', id).execute();
}

export const countFilters = (db: Kysely<Database>, id: number) => countRows(db, 'filters', 'account_id', id);

export const countKeywords = (db: Kysely<Database>, id: number) =>
  countRows(db, 'filter_keywords', 'filter_id', id);

export const countFilterStatuses = (db: Kysely<Database>, id: number) =>
  countRows(db, 'filter_statuses', 'filter_id', id);
