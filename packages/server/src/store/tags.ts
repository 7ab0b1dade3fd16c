import { type Kysely, sql } from 'kysely';
import { startsWith } from './accounts';
import { type Keyset, keysetPage } from './keyset';
import type { Database } from './schema';

/** A hashtag's usage is bucketed by UTC day: `created_at / DAY_MS`. */
export const DAY_MS = 86_400_000;

export interface TagRef {
  id: number;
  name: string;
  display_name: string;
}

const toTagRef = (r: { id: number; name: string; display_name: string }): TagRef => ({
  id: Number(r.id),
  name: r.name,
  display_name: r.display_name,
});

/** Uses and distinct accounts of a hashtag per day (day = epoch ms / DAY_MS) since `since`. */
export function tagUsageByDay(db: Kysely<Database>, tagId: number, since: number) {
  return db
    .selectFrom('status_tags')
    .select([
      sql<number>`(created_at / ${sql.lit(DAY_MS)})`.as('day'),
      (eb) => eb.fn.countAll<number>().as('uses'),
      (eb) => eb.fn.count<number>('account_id').distinct().as('accounts'),
    ])
    .where('tag_id', '=', tagId)
    .where('created_at', '>=', since)
    .groupBy(sql`(created_at / ${sql.lit(DAY_MS)})`)
    .execute();
}

export async function isFollowingTag(db: Kysely<Database>, accountId: number, tagId: number) {
  const row = await db
    .selectFrom('tag_follows')
    .select('tag_id')
    .where('account_id', '=', accountId)
    .where('tag_id', '=', tagId)
    .executeTakeFirst();
  return Boolean(row);
}

/** Creates the hashtag unless one with this normalized name exists. */
export async function insertTagIfMissing(
  db: Kysely<Database>,
  tag: { name: string; displayName: string; now: number },
) {
  await db
    .insertInto('tags')
    .values({ name: tag.name, display_name: tag.displayName, created_at: tag.now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** The hashtag with this normalized name. */
export async function findTagByName(db: Kysely<Database>, name: string): Promise<TagRef | undefined> {
  const row = await db
    .selectFrom('tags')
    .select(['id', 'name', 'display_name'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? toTagRef(row) : undefined;
}

/** One keyset page (on tag id) of the hashtags an account follows. */
export async function followedTags(db: Kysely<Database>, accountId: number, k: Keyset): Promise<TagRef[]> {
  const rows = await keysetPage(
    db
      .selectFrom('tag_follows as f')
      .innerJoin('tags as t', 't.id', 'f.tag_id')
      .select(['t.id', 't.name', 't.display_name'])
      .where('f.account_id', '=', accountId),
    't.id',
    k,
  );
  return rows.map(toTagRef);
}

/** Ids of the tags with these (normalised) names; unknown names are left out. */
export async function tagIdsByNames(db: Kysely<Database>, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  // SQL text: every tag page runs it (docs/performance.md, change 10).
  const { rows } = await sql<{ id: number }>`select id from tags where name in (${sql.join(names)})`.execute(
    db,
  );
  return rows.map((r) => Number(r.id));
}

/** Hashtags whose name starts with `prefix` (already normalized), by name. */
export async function tagsByPrefix(db: Kysely<Database>, prefix: string, limit: number): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name', 'display_name'])
    .where(startsWith('name', prefix))
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map(toTagRef);
}

/**
 * The hashtags most used in public statuses since `since`: ranked by how many accounts used
 * them, then by uses (as Mastodon ranks trends: one loud account does not make a trend).
 */
export async function trendingTags(db: Kysely<Database>, since: number, limit: number): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['t.id', 't.name', 't.display_name'])
    .select((eb) => [
      eb.fn.count<number>('st.account_id').distinct().as('accounts'),
      eb.fn.countAll<number>().as('uses'),
    ])
    .where('st.created_at', '>=', since)
    .where('s.visibility', '=', 'public')
    .groupBy(['t.id', 't.name', 't.display_name'])
    .orderBy('accounts', 'desc')
    .orderBy('uses', 'desc')
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.map(toTagRef);
}

/** Every hashtag an account follows, by name (a user stream's topics). */
export async function followedTagNames(db: Kysely<Database>, accountId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tag_follows as f')
    .innerJoin('tags as t', 't.id', 'f.tag_id')
    .select('t.name')
    .where('f.account_id', '=', accountId)
    .execute();
  return rows.map((r) => r.name);
}

/** Follows a hashtag once; false when it was followed already. */
export async function insertTagFollow(db: Kysely<Database>, accountId: number, tagId: number, now: number) {
  const res = await db
    .insertInto('tag_follows')
    .values({ account_id: accountId, tag_id: tagId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'tag_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Unfollows a hashtag; false when it was not followed. */
export async function deleteTagFollow(db: Kysely<Database>, accountId: number, tagId: number) {
  const res = await db
    .deleteFrom('tag_follows')
    .where('account_id', '=', accountId)
    .where('tag_id', '=', tagId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
