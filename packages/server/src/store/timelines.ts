import { type Kysely, sql } from 'kysely';
import { exclusiveMembersQuery } from './lists';
import type { Database } from './schema';

export interface Keyset {
  maxId?: number;
  sinceId?: number;
  minId?: number;
  limit: number;
}

/** Applies Mastodon's keyset: newest first below max_id, or oldest first above min_id. */
function direction(k: Keyset) {
  return k.minId !== undefined ? ('asc' as const) : ('desc' as const);
}

/** Status ids on a tag timeline: public, not reblogs, with `any`/`all`/`none` tag filters (tag ids). */
export async function tagTimelineIds(
  db: Kysely<Database>,
  f: { any: number[]; all: number[]; none: number[] },
  k: Keyset,
): Promise<number[]> {
  if (f.any.length === 0) return [];
  const dir = direction(k);
  if (f.any.length === 1 && f.all.length === 0 && f.none.length === 0) return oneTagIds(db, f.any[0], k);
  let q = db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .select('st.status_id as id')
    .where('st.tag_id', f.any.length === 1 ? '=' : 'in', f.any.length === 1 ? f.any[0] : f.any)
    .where('s.visibility', '=', 'public');
  if (k.maxId !== undefined) q = q.where('st.status_id', '<', k.maxId);
  if (k.sinceId !== undefined) q = q.where('st.status_id', '>', k.sinceId);
  if (k.minId !== undefined) q = q.where('st.status_id', '>', k.minId);
  for (const t of f.all) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('status_tags as a')
          .select('a.status_id')
          .whereRef('a.status_id', '=', 'st.status_id')
          .where('a.tag_id', '=', t),
      ),
    );
  }
  if (f.none.length > 0) {
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('status_tags as n')
            .select('n.status_id')
            .whereRef('n.status_id', '=', 'st.status_id')
            .where('n.tag_id', 'in', f.none),
        ),
      ),
    );
  }
  if (f.any.length > 1) q = q.groupBy('st.status_id');
  const rows = await q.orderBy('st.status_id', dir).limit(k.limit).execute();
  const ids = rows.map((r) => Number(r.id));
  return dir === 'asc' ? ids.reverse() : ids;
}

/**
 * The common case, one hashtag and no filters, as SQL text: every tag page and every room
 * refresh runs it (docs/performance.md, change 10). Same keyset as above.
 */
async function oneTagIds(db: Kysely<Database>, tagId: number, k: Keyset): Promise<number[]> {
  const dir = direction(k);
  const { rows } = await sql<{ id: number }>`select st.status_id as id from status_tags as st
    inner join statuses as s on s.id = st.status_id
    where st.tag_id = ${tagId} and s.visibility = 'public'
    ${k.maxId !== undefined ? sql`and st.status_id < ${k.maxId}` : sql``}
    ${k.sinceId !== undefined ? sql`and st.status_id > ${k.sinceId}` : sql``}
    ${k.minId !== undefined ? sql`and st.status_id > ${k.minId}` : sql``}
    order by st.status_id ${sql.raw(dir)} limit ${k.limit}`.execute(db);
  const ids = rows.map((r) => Number(r.id));
  return dir === 'asc' ? ids.reverse() : ids;
}

/** Public timeline: public original statuses, newest first. */
export async function publicTimelineIds(db: Kysely<Database>, k: Keyset): Promise<number[]> {
  const dir = direction(k);
  let q = db
    .selectFrom('statuses')
    .select('id')
    .where('visibility', '=', 'public')
    .where('reblog_of_id', 'is', null);
  if (k.maxId !== undefined) q = q.where('id', '<', k.maxId);
  if (k.sinceId !== undefined) q = q.where('id', '>', k.sinceId);
  if (k.minId !== undefined) q = q.where('id', '>', k.minId);
  const rows = await q.orderBy('id', dir).limit(k.limit).execute();
  const ids = rows.map((r) => Number(r.id));
  return dir === 'asc' ? ids.reverse() : ids;
}

/**
 * Trending statuses: public original statuses since `since` (ms) that were favourited or
 * boosted, most favourites and boosts first (newest first among equals).
 */
export async function trendingStatusIds(
  db: Kysely<Database>,
  since: number,
  limit: number,
  offset: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('visibility', '=', 'public')
    .where('reblog_of_id', 'is', null)
    .where('created_at', '>=', since)
    .where(sql<boolean>`favourites_count + reblogs_count > 0`)
    .orderBy(sql`favourites_count + reblogs_count`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Home timeline: the viewer's own statuses, followed accounts' (their reblogs only where the follow
 * shows reblogs; none of members of the viewer's exclusive lists) and followed hashtags', merged.
 */
export async function homeTimelineIds(db: Kysely<Database>, viewerId: number, k: Keyset): Promise<number[]> {
  const dir = direction(k);
  let fromAccounts = db
    .selectFrom('statuses')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('account_id', '=', viewerId),
        eb.and([
          eb('reblog_of_id', 'is', null),
          eb(
            'account_id',
            'in',
            eb.selectFrom('follows').select('target_account_id').where('account_id', '=', viewerId),
          ),
        ]),
        // Reblogs only from accounts followed with `reblogs` left on.
        eb(
          'account_id',
          'in',
          eb
            .selectFrom('follows')
            .select('target_account_id')
            .where('account_id', '=', viewerId)
            .where('show_reblogs', '=', 1),
        ),
      ]),
    )
    .where('visibility', 'in', ['public', 'unlisted', 'private'])
    // Members of the viewer's exclusive lists are read on those lists only.
    .where('account_id', 'not in', exclusiveMembersQuery(db, viewerId));
  let fromTags = db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .select('st.status_id as id')
    .where(
      'st.tag_id',
      'in',
      db.selectFrom('tag_follows').select('tag_id').where('account_id', '=', viewerId),
    )
    .where('s.visibility', '=', 'public');
  if (k.maxId !== undefined) {
    fromAccounts = fromAccounts.where('id', '<', k.maxId);
    fromTags = fromTags.where('st.status_id', '<', k.maxId);
  }
  const lower = k.minId ?? k.sinceId;
  if (lower !== undefined) {
    fromAccounts = fromAccounts.where('id', '>', lower);
    fromTags = fromTags.where('st.status_id', '>', lower);
  }
  const [a, t] = await Promise.all([
    fromAccounts.orderBy('id', dir).limit(k.limit).execute(),
    fromTags.orderBy('st.status_id', dir).limit(k.limit).execute(),
  ]);
  const merged = [...new Set([...a, ...t].map((r) => Number(r.id)))]
    .sort((x, y) => (dir === 'asc' ? x - y : y - x))
    .slice(0, k.limit);
  return dir === 'asc' ? merged.reverse() : merged;
}
