import type { Kysely } from 'kysely';
import { countRows } from './count-rows';
import type { Database } from './schema';
import type { TagRef } from './tags';

export interface FeaturedTagRow {
  id: number;
  tag_id: number;
  name: string;
  display_name: string;
  statuses_count: number;
  last_status_at: number | null;
}

/** The account's featured hashtags, oldest first, with its public statuses' count and latest time for each. */
export async function featuredTagsOf(
  db: Kysely<Database>,
  accountId: number,
  id?: number,
): Promise<FeaturedTagRow[]> {
  let q = db
    .selectFrom('featured_tags as ft')
    .innerJoin('tags as t', 't.id', 'ft.tag_id')
    .select(['ft.id', 'ft.tag_id', 't.name', 't.display_name'])
    .select((eb) => {
      const uses = () =>
        eb
          .selectFrom('status_tags as st')
          .innerJoin('statuses as s', 's.id', 'st.status_id')
          .whereRef('st.tag_id', '=', 'ft.tag_id')
          .whereRef('st.account_id', '=', 'ft.account_id')
          .where('s.visibility', '=', 'public');
      return [
        uses()
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('statuses_count'),
        uses()
          .select((e) => e.fn.max('s.created_at').as('m'))
          .as('last_status_at'),
      ];
    })
    .where('ft.account_id', '=', accountId);
  if (id !== undefined) q = q.where('ft.id', '=', id);
  const rows = await q.orderBy('ft.id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    tag_id: Number(r.tag_id),
    name: r.name,
    display_name: r.display_name,
    statuses_count: Number(r.statuses_count ?? 0),
    last_status_at: r.last_status_at === null ? null : Number(r.last_status_at),
  }));
}

/** Features a hashtag; the new row's id, or undefined when it was featured already. */
export async function insertFeaturedTag(db: Kysely<Database>, accountId: number, tagId: number, now: number) {
  const row = await db
    .insertInto('featured_tags')
    .values({ account_id: accountId, tag_id: tagId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'tag_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** Removes one of the account's featured hashtags; false when it has none by that id. */
export async function deleteFeaturedTag(db: Kysely<Database>, accountId: number, id: number) {
  const r = await db
    .deleteFrom('featured_tags')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The hashtags the account used most in public, not featured yet. */
export async function featureSuggestions(
  db: Kysely<Database>,
  accountId: number,
  limit: number,
): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['t.id', 't.name', 't.display_name'])
    .select((eb) => eb.fn.countAll<number>().as('uses'))
    .where('st.account_id', '=', accountId)
    .where('s.visibility', '=', 'public')
    .where(
      'st.tag_id',
      'not in',
      db.selectFrom('featured_tags').select('tag_id').where('account_id', '=', accountId),
    )
    .groupBy(['t.id', 't.name', 't.display_name'])
    .orderBy('uses', 'desc')
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, display_name: r.display_name }));
}

export const countFeaturedTags = (db: Kysely<Database>, id: number) =>
  countRows(db, 'featured_tags', 'account_id', id);
