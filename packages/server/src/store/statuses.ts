import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, StatusesTable } from './schema';
import type { TagIdCache } from './tag-id-cache';
import type { TagRef } from './tags';

export type StatusRow = Selectable<StatusesTable>;
/** What presenting a status needs of its row: all but the source text, which can be long. */
export type StatusViewRow = Omit<StatusRow, 'text'>;

export const findStatusById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('statuses').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * A row to present with what the read pipeline needs besides: the visibility rule's one input
 * not on the status (the chat whose moderators hold it), and whether it has images or a poll at
 * all, so a page with none skips those reads.
 */
export type StatusPageRow = StatusViewRow & {
  hold_chat_id: number | null;
  has_media: boolean;
  has_poll: boolean;
};

/**
 * Rows to present, by id, with the visibility rule's inputs and the media and poll flags: one
 * query for both steps of the read pipeline. SQL text rather than a query builder, like the other
 * hydration reads below: a page of 40 statuses runs a handful of them (docs/performance.md,
 * changes 10 and 15).
 */
export async function findStatusViewsByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, StatusPageRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<
    StatusViewRow & { hold_chat_id: number | null; has_media: unknown; has_poll: unknown }
  >`select s.id, s.account_id, s.content, s.spoiler_text, s.sensitive, s.visibility, s.language,
      s.in_reply_to_id, s.in_reply_to_account_id, s.reblog_of_id, s.created_at, s.edited_at,
      s.replies_count, s.reblogs_count, s.favourites_count, s.uri, s.url, h.chat_id as hold_chat_id,
      exists (select 1 from media_attachments as m where m.status_id = s.id) as has_media,
      exists (select 1 from polls as p where p.status_id = s.id) as has_poll
    from statuses as s left join status_holds as h on h.status_id = s.id
    where s.id in (${sql.join(unique)})`.execute(db);
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        ...r,
        id: Number(r.id),
        account_id: Number(r.account_id),
        reblog_of_id: r.reblog_of_id === null ? null : Number(r.reblog_of_id),
        hold_chat_id: r.hold_chat_id === null ? null : Number(r.hold_chat_id),
        // SQLite answers 0/1, PostgreSQL a boolean.
        has_media: Boolean(Number(r.has_media)),
        has_poll: Boolean(Number(r.has_poll)),
      },
    ]),
  );
}

/**
 * Tags of each status, for hydration, by tag id (the order of the index that answers this, and
 * the order createStatus presents a new status's tags in). Names come from the store's tag
 * cache; only tags it has not seen are read (and then kept).
 */
export async function tagsForStatuses(
  db: Kysely<Database>,
  ids: number[],
  cache: TagIdCache,
): Promise<Map<number, { name: string; display_name: string }[]>> {
  const out = new Map<number, { name: string; display_name: string }[]>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{ status_id: number; tag_id: number }>`
    select status_id, tag_id from status_tags where status_id in (${sql.join(ids)})
    order by status_id, tag_id`.execute(db);
  const tags = new Map<number, TagRef>();
  const unknown: number[] = [];
  for (const id of new Set(rows.map((r) => Number(r.tag_id)))) {
    const hit = cache.getById(id);
    if (hit) tags.set(id, hit);
    else unknown.push(id);
  }
  if (unknown.length > 0) {
    const { rows: read } = await sql<TagRef>`select id, name, display_name from tags
      where id in (${sql.join(unknown)})`.execute(db);
    for (const t of read) tags.set(Number(t.id), t);
    cache.add(read);
  }
  for (const r of rows) {
    const tag = tags.get(Number(r.tag_id));
    if (!tag) continue;
    const list = out.get(Number(r.status_id)) ?? [];
    list.push({ name: tag.name, display_name: tag.display_name });
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
  const { rows } = await sql<{ status_id: number; account_id: number }>`
    select status_id, account_id from mentions where status_id in (${sql.join(ids)})`.execute(db);
  for (const r of rows) {
    const list = out.get(Number(r.status_id)) ?? [];
    list.push(Number(r.account_id));
    out.set(Number(r.status_id), list);
  }
  return out;
}

/** Which of `ids` the viewer has favourited, reblogged and bookmarked. */
export async function viewerStateForStatuses(db: Kysely<Database>, viewerId: number, ids: number[]) {
  const favourited = new Set<number>();
  const reblogged = new Set<number>();
  const bookmarked = new Set<number>();
  const pinned = new Set<number>();
  if (ids.length === 0) return { favourited, reblogged, bookmarked, pinned };
  const list = sql.join(ids);
  const { rows } = await sql<{ kind: 'f' | 'r' | 'b' | 'p'; id: number }>`
    select 'f' as kind, status_id as id from favourites where account_id = ${viewerId} and status_id in (${list})
    union all
    select 'r' as kind, reblog_of_id as id from statuses where account_id = ${viewerId} and reblog_of_id in (${list})
    union all
    select 'b' as kind, status_id as id from bookmarks where account_id = ${viewerId} and status_id in (${list})
    union all
    select 'p' as kind, status_id as id from status_pins where account_id = ${viewerId} and status_id in (${list})`.execute(
    db,
  );
  const sets = { f: favourited, r: reblogged, b: bookmarked, p: pinned };
  for (const r of rows) sets[r.kind].add(Number(r.id));
  return { favourited, reblogged, bookmarked, pinned };
}

/** A row of `viewerPageStateReader`'s statement: what kind of fact, about which account or status. */
type PageStateRow = { kind: 'x' | 'F' | 'f' | 'r' | 'b' | 'p'; id: number };

/**
 * Everything a shared page needs to know of one signed-in viewer, in one statement (the hot
 * tag and public pages, services/timeline-pages.ts): the accounts they block, are blocked by or
 * mute ('x', as `excludedAccountIds`), whether they have an active filter ('F'), and their
 * favourites, boosts, bookmarks and pins among `ids` ('f', 'r', 'b', 'p', as `viewerStateForStatuses`).
 * Made once per page and compiled then: every viewer of the page runs it with only their id and
 * the time bound in (a page's 40 ids made the query builder's compiling the larger part of a read).
 */
export function viewerPageStateReader(db: Kysely<Database>, ids: number[]) {
  const VIEWER = -1;
  const NOW = -2;
  const onPage = new Set(ids);
  // The page's id range, not its ids: one index seek per kind instead of one per status (a
  // viewer's favourites, boosts, bookmarks and pins in that range are few; the rest are left out below).
  const min = ids.length > 0 ? Math.min(...ids) : 0;
  const max = ids.length > 0 ? Math.max(...ids) : 0;
  const compiled = sql<PageStateRow>`
    select 'x' as kind, target_account_id as id from account_blocks where account_id = ${VIEWER}
    union all select 'x' as kind, account_id as id from account_blocks where target_account_id = ${VIEWER}
    union all select 'x' as kind, target_account_id as id from account_mutes
      where account_id = ${VIEWER} and (expires_at is null or expires_at > ${NOW})
    union all select 'F' as kind, id from filters
      where account_id = ${VIEWER} and (expires_at is null or expires_at > ${NOW})
    union all select 'f' as kind, status_id as id from favourites
      where account_id = ${VIEWER} and status_id between ${min} and ${max}
    union all select 'r' as kind, reblog_of_id as id from statuses
      where account_id = ${VIEWER} and id > ${min} and reblog_of_id between ${min} and ${max}
    union all select 'b' as kind, status_id as id from bookmarks
      where account_id = ${VIEWER} and status_id between ${min} and ${max}
    union all select 'p' as kind, status_id as id from status_pins
      where account_id = ${VIEWER} and status_id between ${min} and ${max}`.compile(db);
  return async (viewerId: number, now: number) => {
    const parameters = compiled.parameters.map((p) => (p === VIEWER ? viewerId : p === NOW ? now : p));
    const { rows } = await db.executeQuery<PageStateRow>({ ...compiled, parameters });
    const excluded = new Set<number>();
    const favourited = new Set<number>();
    const reblogged = new Set<number>();
    const bookmarked = new Set<number>();
    const pinned = new Set<number>();
    let hasFilters = false;
    const sets = { f: favourited, r: reblogged, b: bookmarked, p: pinned };
    for (const r of rows) {
      if (r.kind === 'F') hasFilters = true;
      else if (r.kind === 'x') excluded.add(Number(r.id));
      else if (onPage.has(Number(r.id))) sets[r.kind].add(Number(r.id));
    }
    return { excluded, hasFilters, favourited, reblogged, bookmarked, pinned };
  };
}

/** Those of `ids` that are public statuses (search reads only these). */
export async function publicStatusIds(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('id', 'in', ids)
    .where('visibility', '=', 'public')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** A status's hashtag names and mentioned account ids: where its events went. */
export async function statusTagsAndMentions(db: Kysely<Database>, id: number) {
  const [tags, mentions] = await Promise.all([
    db
      .selectFrom('status_tags as st')
      .innerJoin('tags as t', 't.id', 'st.tag_id')
      .select('t.name')
      .where('st.status_id', '=', id)
      .execute(),
    db.selectFrom('mentions').select('account_id').where('status_id', '=', id).execute(),
  ]);
  return { tagNames: tags.map((t) => t.name), mentionIds: mentions.map((m) => Number(m.account_id)) };
}

/** The reblogs of a status, with their authors. */
export const reblogsOf = (db: Kysely<Database>, id: number) =>
  db.selectFrom('statuses').select(['id', 'account_id']).where('reblog_of_id', '=', id).execute();
