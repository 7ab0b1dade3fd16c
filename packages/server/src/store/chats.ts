import { type Kysely, type Selectable, sql } from 'kysely';
import type { ChatCategoriesTable, ChatsTable, Database } from './schema';

export type ChatRow = Selectable<ChatsTable>;
export type CategoryRow = Selectable<ChatCategoriesTable>;

export const findChatById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('chats').selectAll().where('id', '=', id).executeTakeFirst();

export async function findChatsByIds(db: Kysely<Database>, ids: number[]): Promise<Map<number, ChatRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('chats').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** The chat holding the claim on a (normalised) tag; after a release, the newest chat on it. */
export async function findChatByTag(db: Kysely<Database>, tagName: string): Promise<ChatRow | undefined> {
  const claimed = await db
    .selectFrom('chat_claims as k')
    .innerJoin('chats as c', 'c.id', 'k.chat_id')
    .selectAll('c')
    .where('k.tag_name', '=', tagName)
    .executeTakeFirst();
  return (
    claimed ??
    db
      .selectFrom('chats')
      .selectAll()
      .where('tag_name', '=', tagName)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

export const findClaim = (db: Kysely<Database>, tagName: string) =>
  db
    .selectFrom('chat_claims as k')
    .innerJoin('chats as c', 'c.id', 'k.chat_id')
    .select(['k.chat_id', 'c.title'])
    .where('k.tag_name', '=', tagName)
    .executeTakeFirst();

/** Which of `chatIds` hold their hashtag's claim. */
export async function claimedChatIds(db: Kysely<Database>, chatIds: number[]): Promise<Set<number>> {
  if (chatIds.length === 0) return new Set();
  const rows = await db.selectFrom('chat_claims').select('chat_id').where('chat_id', 'in', chatIds).execute();
  return new Set(rows.map((r) => Number(r.chat_id)));
}

export interface ChatFilters {
  state: 'all' | 'live' | 'upcoming';
  category: number | null;
  language: string | null;
  q: string | null;
  hostId: number | null;
  followedBy: number | null;
  maxId: number | null;
  minId: number | null;
  limit: number;
  now: number;
}

/** The directory list: newest chats first (keyset on id), filtered. */
export async function listChats(
  db: Kysely<Database>,
  f: ChatFilters,
  like: 'like' | 'ilike',
): Promise<ChatRow[]> {
  let sel = db.selectFrom('chats as c').selectAll('c');
  if (f.category !== null) sel = sel.where('c.category_id', '=', f.category);
  if (f.language !== null) sel = sel.where('c.language', '=', f.language);
  if (f.q) {
    const pattern = `%${f.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    sel = sel.where((eb) =>
      eb.or([
        eb('c.title', like, pattern),
        eb('c.description', like, pattern),
        eb('c.tag_name', 'like', pattern),
      ]),
    );
  }
  if (f.hostId !== null) {
    const host = f.hostId;
    sel = sel.where((eb) =>
      eb.or([
        eb('c.owner_id', '=', host),
        eb.exists(
          eb
            .selectFrom('chat_co_hosts as h')
            .select('h.chat_id')
            .whereRef('h.chat_id', '=', 'c.id')
            .where('h.account_id', '=', host),
        ),
      ]),
    );
  }
  if (f.followedBy !== null) {
    const who = f.followedBy;
    sel = sel.where((eb) =>
      eb.exists(
        eb
          .selectFrom('chat_follows as fo')
          .select('fo.chat_id')
          .whereRef('fo.chat_id', '=', 'c.id')
          .where('fo.account_id', '=', who),
      ),
    );
  }
  if (f.state === 'live') {
    sel = sel.where((eb) =>
      eb.exists(
        eb
          .selectFrom('chat_sessions as s')
          .select('s.id')
          .whereRef('s.chat_id', '=', 'c.id')
          .where('s.state', '=', 'live'),
      ),
    );
  } else if (f.state === 'upcoming') {
    sel = sel.where((eb) =>
      eb.exists(
        eb
          .selectFrom('chat_sessions as s')
          .select('s.id')
          .whereRef('s.chat_id', '=', 'c.id')
          .where('s.state', '=', 'scheduled')
          .where('s.starts_at', '>', f.now),
      ),
    );
  }
  if (f.maxId !== null) sel = sel.where('c.id', '<', f.maxId);
  const asc = f.minId !== null;
  if (asc) sel = sel.where('c.id', '>', f.minId!);
  const rows = await sel
    .orderBy('c.id', asc ? 'asc' : 'desc')
    .limit(f.limit)
    .execute();
  return asc ? rows.reverse() : rows;
}

/** Co-host account ids per chat, in the order they were added. */
export async function coHostsForChats(
  db: Kysely<Database>,
  chatIds: number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (chatIds.length === 0) return out;
  const rows = await db
    .selectFrom('chat_co_hosts')
    .select(['chat_id', 'account_id'])
    .where('chat_id', 'in', chatIds)
    .orderBy('created_at')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.chat_id)) ?? [];
    list.push(Number(r.account_id));
    out.set(Number(r.chat_id), list);
  }
  return out;
}

export async function isCoHost(db: Kysely<Database>, chatId: number, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('chat_co_hosts')
    .select('chat_id')
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function followedChatIds(
  db: Kysely<Database>,
  accountId: number,
  chatIds: number[],
): Promise<Set<number>> {
  if (chatIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('chat_follows')
    .select('chat_id')
    .where('account_id', '=', accountId)
    .where('chat_id', 'in', chatIds)
    .execute();
  return new Set(rows.map((r) => Number(r.chat_id)));
}

export async function followerCounts(db: Kysely<Database>, chatIds: number[]): Promise<Map<number, number>> {
  if (chatIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('chat_follows')
    .select(['chat_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('chat_id', 'in', chatIds)
    .groupBy('chat_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.chat_id), Number(r.n)]));
}

export const listCategories = (db: Kysely<Database>) =>
  db.selectFrom('chat_categories').selectAll().orderBy('name').execute();

export async function findCategoriesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, CategoryRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('chat_categories').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** A category by slug or by id. */
export function findCategory(db: Kysely<Database>, ref: string) {
  const sel = db.selectFrom('chat_categories').selectAll();
  return (
    /^\d+$/.test(ref) ? sel.where('id', '=', Number(ref)) : sel.where('slug', '=', ref.toLowerCase())
  ).executeTakeFirst();
}

/** One keyset page of the recurring chats (those with a rule), by id. */
export const recurringChatsAfter = (db: Kysely<Database>, after: number, limit: number) =>
  db
    .selectFrom('chats')
    .selectAll()
    .where('rrule', 'is not', null)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();

export const insertCategory = (db: Kysely<Database>, slug: string, name: string, now: number) =>
  db
    .insertInto('chat_categories')
    .values({ slug, name, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Renames a category; false when there is none with that id. */
export async function renameCategoryRow(db: Kysely<Database>, id: number, name: string): Promise<boolean> {
  const res = await db.updateTable('chat_categories').set({ name }).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The chats that claim any of these hashtags, by id. */
export async function chatsClaimingTags(db: Kysely<Database>, tagNames: string[]) {
  // SQL text: every public status with a hashtag asks this (docs/performance.md, change 9).
  const { rows } = await sql<{ id: number; owner_id: number; hashtag: string }>`
    select c.id, c.owner_id, c.hashtag from chat_claims as k inner join chats as c on c.id = k.chat_id
    where k.tag_name in (${sql.join([...new Set(tagNames)])}) order by c.id`.execute(db);
  return rows;
}

/** Of these chats, those the account co-hosts. */
export async function coHostedAmong(
  db: Kysely<Database>,
  accountId: number,
  chatIds: number[],
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('chat_co_hosts')
    .select('chat_id')
    .where('account_id', '=', accountId)
    .where('chat_id', 'in', chatIds)
    .execute();
  return new Set(rows.map((r) => Number(r.chat_id)));
}
