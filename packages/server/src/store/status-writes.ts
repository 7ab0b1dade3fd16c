import { type Kysely, sql } from 'kysely';
import type { AccountRow } from './accounts';
import { decrement } from './counters';
import type { Dialect } from './dialect';
import { notifiedFollowerIds } from './follows';
import type { Database } from './schema';
import { reblogsOf, type StatusRow, statusTagsAndMentions } from './statuses';
import type { TagIdCache } from './tag-id-cache';
import type { TagRef } from './tags';

// The statements that writing a status runs, as SQL text rather than query builders. A status
// runs about fifteen statements; building each with Kysely cost ~8 µs more than the statement
// itself (docs/performance.md, change 9). `sql` templates still bind every value as a parameter
// and work on both databases.

export interface NewStatusRow {
  account_id: number;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: number;
  visibility: string;
  language: string | null;
  in_reply_to_id: number | null;
  in_reply_to_account_id: number | null;
  created_at: number;
}

/** The insert of a new status row, without its `returning`: insertStatusRow and writeStatus share it. */
const insertStatusSql = (s: NewStatusRow) => sql`insert into statuses
    (account_id, text, content, spoiler_text, sensitive, visibility, language, in_reply_to_id,
     in_reply_to_account_id, reblog_of_id, created_at, edited_at)
    values (${s.account_id}, ${s.text}, ${s.content}, ${s.spoiler_text}, ${s.sensitive},
     ${s.visibility}, ${s.language}, ${s.in_reply_to_id}, ${s.in_reply_to_account_id}, null,
     ${s.created_at}, null)`;

export async function insertStatusRow(db: Kysely<Database>, s: NewStatusRow): Promise<StatusRow> {
  const { rows } = await sql<StatusRow>`${insertStatusSql(s)} returning *`.execute(db);
  return rows[0];
}

/** Counts the new status on its author; returns the author's row as it now is. */
export async function countStatusOnAuthor(
  db: Kysely<Database>,
  authorId: number,
  now: number,
): Promise<AccountRow | undefined> {
  const { rows } = await sql<AccountRow>`update accounts
    set statuses_count = statuses_count + 1, last_status_at = ${now}
    where id = ${authorId} returning *`.execute(db);
  return rows[0];
}

export async function insertMentions(db: Kysely<Database>, statusId: number, accountIds: number[]) {
  if (accountIds.length === 0) return;
  await sql`insert into mentions (status_id, account_id) values ${sql.join(
    accountIds.map((a) => sql`(${statusId}, ${a})`),
  )}`.execute(db);
}

/**
 * Finds or creates the tags (names normalised). Returns them with ids, by id (the order a
 * status's tags are read back in, tagsForStatuses), which the caller hands to `TagIdCache.add`
 * once its transaction has committed.
 */
export async function resolveTags(
  db: Kysely<Database>,
  cache: TagIdCache,
  tags: { name: string; display: string }[],
  now: number,
): Promise<TagRef[]> {
  if (tags.length === 0) return [];
  const known = new Map<string, TagRef>();
  for (const t of tags) {
    const hit = cache.get(t.name);
    if (hit) known.set(t.name, hit);
  }
  const missing = tags.filter((t) => !known.has(t.name));
  if (missing.length > 0) {
    await sql`insert into tags (name, display_name, created_at) values ${sql.join(
      missing.map((t) => sql`(${t.name}, ${t.display}, ${now})`),
    )} on conflict (name) do nothing`.execute(db);
    const { rows } = await sql<TagRef>`select id, name, display_name from tags
      where name in (${sql.join(missing.map((t) => t.name))})`.execute(db);
    for (const r of rows) known.set(r.name, { id: Number(r.id), name: r.name, display_name: r.display_name });
  }
  return tags
    .map((t) => known.get(t.name))
    .filter((t): t is TagRef => t !== undefined)
    .sort((a, b) => a.id - b.id);
}

/** Links resolved tags to a status. */
async function insertStatusTags(
  db: Kysely<Database>,
  statusId: number,
  accountId: number,
  tags: TagRef[],
  now: number,
) {
  if (tags.length === 0) return;
  await sql`insert into status_tags (tag_id, status_id, account_id, created_at) values ${sql.join(
    tags.map((t) => sql`(${t.id}, ${statusId}, ${accountId}, ${now})`),
  )}`.execute(db);
}

/**
 * Finds or creates the tags (names normalised) and links them to the status. Returns the tags
 * with ids, by id, which the caller hands to `TagIdCache.add` once committed.
 */
export async function linkTags(
  db: Kysely<Database>,
  cache: TagIdCache,
  statusId: number,
  accountId: number,
  tags: { name: string; display: string }[],
  now: number,
): Promise<TagRef[]> {
  const linked = await resolveTags(db, cache, tags, now);
  await insertStatusTags(db, statusId, accountId, linked, now);
  return linked;
}

export interface WrittenStatus {
  row: StatusRow;
  /** The author's row with the status counted; undefined if the account is gone. */
  author: AccountRow | undefined;
  /** The author's followers who asked to hear of each post (`notify`), by id; [] unless asked for. */
  notified: number[];
}

/**
 * Writes a new local status in its transaction: the status row, its links to `tags` (resolved
 * already) and `mentionIds`, the author's counter, and (when `notifyFollowers`) reads who among
 * the author's followers asked to be notified.
 *
 * On PostgreSQL that is one statement, one round trip: each round trip costs this process a
 * socket write and a read, which were a third of its CPU per status in the ingest benchmark
 * (docs/performance.md, round four). SQLite runs the same statements one by one, in process.
 */
export async function writeStatus(
  db: Kysely<Database>,
  dialect: Dialect,
  s: NewStatusRow,
  links: { tags: TagRef[]; mentionIds: number[]; notifyFollowers: boolean },
): Promise<WrittenStatus> {
  if (dialect.name === 'postgres') {
    const { rows } = await sql<
      StatusRow & { hashchat_author: AccountRow | null; hashchat_notified: number[] | null }
    >`
      with s as (${insertStatusSql(s)}
        returning *),
      t as (insert into status_tags (tag_id, status_id, account_id, created_at)
        select x.tag_id, s.id, s.account_id, s.created_at
        from s, unnest(${links.tags.map((t) => t.id)}::bigint[]) as x(tag_id)),
      m as (insert into mentions (status_id, account_id)
        select s.id, x.account_id from s, unnest(${links.mentionIds}::bigint[]) as x(account_id)),
      a as (update accounts set statuses_count = statuses_count + 1, last_status_at = ${s.created_at}
        where id = ${s.account_id} returning *)
      select s.*, (select row_to_json(a) from a) as hashchat_author,
        ${
          links.notifyFollowers
            ? sql`(select array_agg(account_id) from follows where target_account_id = ${s.account_id} and notify = 1)`
            : sql`null::bigint[]`
        } as hashchat_notified
      from s`.execute(db);
    const { hashchat_author, hashchat_notified, ...row } = rows[0];
    return {
      row: row as StatusRow,
      author: hashchat_author ?? undefined,
      notified: (hashchat_notified ?? []).map(Number),
    };
  }
  const row = await insertStatusRow(db, s);
  const id = Number(row.id);
  await insertStatusTags(db, id, s.account_id, links.tags, s.created_at);
  await insertMentions(db, id, links.mentionIds);
  // Read before the author's counter is updated (as on PostgreSQL, where that is one statement).
  const notified = links.notifyFollowers ? await notifiedFollowerIds(db, s.account_id) : [];
  const author = await countStatusOnAuthor(db, s.account_id, s.created_at);
  return { row, author, notified };
}

/** A status gained a reply. */
export async function countReplyOnParent(db: Kysely<Database>, parentId: number) {
  await db
    .updateTable('statuses')
    .set({ replies_count: sql`replies_count + 1` })
    .where('id', '=', parentId)
    .execute();
}

/** What deleting a status must tell its readers about: its hashtags, mentions and reblogs. */
export async function statusLinks(db: Kysely<Database>, id: number) {
  const { tagNames, mentionIds } = await statusTagsAndMentions(db, id);
  // Reblogs of it go with it, as in Mastodon.
  return { tagNames, mentionIds, reblogs: await reblogsOf(db, id) };
}

/**
 * Deletes a status with its reblogs, notifications and Idempotency-Key, and takes it off the
 * counters it was on (its author's, its parent's replies, its target's reblogs, each reblogger's).
 */
export async function deleteStatusRows(
  db: Kysely<Database>,
  row: Pick<StatusRow, 'id' | 'account_id' | 'in_reply_to_id' | 'reblog_of_id'>,
  reblogs: { account_id: number }[],
) {
  const id = Number(row.id);
  await db.deleteFrom('statuses').where('reblog_of_id', '=', id).execute();
  await db.deleteFrom('statuses').where('id', '=', id).execute();
  await db.deleteFrom('notifications').where('status_id', '=', id).execute();
  // Its Idempotency-Key is free again: a redraft posted with the same key is a new status.
  await db.deleteFrom('idempotency_keys').where('status_id', '=', id).execute();
  await db
    .updateTable('accounts')
    .set({ statuses_count: decrement('statuses_count') })
    .where('id', '=', row.account_id)
    .execute();
  if (row.in_reply_to_id !== null) {
    await db
      .updateTable('statuses')
      .set({ replies_count: decrement('replies_count') })
      .where('id', '=', row.in_reply_to_id)
      .execute();
  }
  if (row.reblog_of_id !== null) {
    await db
      .updateTable('statuses')
      .set({ reblogs_count: decrement('reblogs_count') })
      .where('id', '=', row.reblog_of_id)
      .execute();
  }
  for (const r of reblogs) {
    await db
      .updateTable('accounts')
      .set({ statuses_count: decrement('statuses_count') })
      .where('id', '=', r.account_id)
      .execute();
  }
}
