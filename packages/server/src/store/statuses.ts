import type { Kysely, Selectable } from 'kysely';
import type { Database, StatusesTable } from './schema';

export type StatusRow = Selectable<StatusesTable>;

export async function findStatusesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, StatusRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('statuses').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}

export const findStatusById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('statuses').selectAll().where('id', '=', id).executeTakeFirst();

/** Tags of each status, for hydration. */
export async function tagsForStatuses(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, { name: string; display_name: string }[]>> {
  const out = new Map<number, { name: string; display_name: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['st.status_id', 't.name', 't.display_name'])
    .where('st.status_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.status_id)) ?? [];
    list.push({ name: r.name, display_name: r.display_name });
    out.set(Number(r.status_id), list);
  }
  return out;
}

/** Mentioned account ids of each status, for hydration. */
export async function mentionsForStatuses(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('mentions')
    .select(['status_id', 'account_id'])
    .where('status_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.status_id)) ?? [];
    list.push(Number(r.account_id));
    out.set(Number(r.status_id), list);
  }
  return out;
}

/** Which of `ids` the viewer has favourited and reblogged. */
export async function viewerStateForStatuses(db: Kysely<Database>, viewerId: number, ids: number[]) {
  if (ids.length === 0) return { favourited: new Set<number>(), reblogged: new Set<number>() };
  const [favs, reblogs] = await Promise.all([
    db
      .selectFrom('favourites')
      .select('status_id')
      .where('account_id', '=', viewerId)
      .where('status_id', 'in', ids)
      .execute(),
    db
      .selectFrom('statuses')
      .select('reblog_of_id')
      .where('account_id', '=', viewerId)
      .where('reblog_of_id', 'in', ids)
      .execute(),
  ]);
  return {
    favourited: new Set(favs.map((f) => Number(f.status_id))),
    reblogged: new Set(reblogs.map((r) => Number(r.reblog_of_id))),
  };
}
