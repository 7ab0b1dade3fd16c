import { type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { AccountsTable, Database } from './schema';

export type AccountRow = Selectable<AccountsTable>;
/** What presenting an account (the Account entity) needs of its row: no credentials, no email. */
export type AccountViewRow = Pick<
  AccountRow,
  | 'id'
  | 'username'
  | 'display_name'
  | 'note'
  | 'role'
  | 'created_at'
  | 'statuses_count'
  | 'followers_count'
  | 'following_count'
  | 'last_status_at'
  | 'domain'
  | 'uri'
  | 'url'
>;

export const findAccountById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();

export const findAccountByUsername = (db: Kysely<Database>, username: string) =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('username_lower', '=', username.toLowerCase())
    .executeTakeFirst();

export const findAccountByLogin = (db: Kysely<Database>, login: string) =>
  db
    .selectFrom('accounts')
    .selectAll()
    // Remote accounts have no password here, whatever their username or email column holds.
    .where('domain', 'is', null)
    .where((eb) =>
      eb.or([eb('username_lower', '=', login.toLowerCase()), eb('email', '=', login.toLowerCase())]),
    )
    .executeTakeFirst();

export async function findAccountsByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, AccountRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // SQL text: every page of statuses hydrates its accounts (docs/performance.md, change 10).
  const { rows } = await sql<AccountRow>`select * from accounts where id in (${sql.join(unique)})`.execute(
    db,
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** Rows to present, by id: the columns the Account entity shows (pages of statuses hydrate many). */
export async function findAccountViewsByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, AccountViewRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<AccountViewRow>`select id, username, display_name, note, role, created_at,
      statuses_count, followers_count, following_count, last_status_at, domain, uri, url
    from accounts where id in (${sql.join(unique)})`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r]));
}

export async function findAccountsByUsernames(
  db: Kysely<Database>,
  usernames: string[],
): Promise<AccountRow[]> {
  const lower = [...new Set(usernames.map((u) => u.toLowerCase()))];
  if (lower.length === 0) return [];
  // SQL text: every status with a mention runs this (docs/performance.md, change 9).
  const { rows } =
    await sql<AccountRow>`select * from accounts where username_lower in (${sql.join(lower)})`.execute(db);
  return rows;
}

/** Escapes LIKE's wildcards so user input matches literally (`_` is common in usernames and tags). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column LIKE 'prefix%'` (or ILIKE) with the prefix taken literally. */
export const startsWith = (column: string, prefix: string, like: 'like' | 'ilike' = 'like') =>
  sql<SqlBool>`${sql.ref(column)} ${sql.raw(like)} ${`${escapeLike(prefix)}%`} ESCAPE '\\'`;

/**
 * Accounts whose username or display name starts with `q` (search), most followed first;
 * `followedBy` keeps those that account follows (mention autocomplete among one's own).
 */
export function searchAccounts(
  db: Kysely<Database>,
  q: string,
  limit: number,
  like: 'like' | 'ilike',
  opts: { offset?: number; followedBy?: number } = {},
) {
  let sel = db.selectFrom('accounts');
  if (opts.followedBy !== undefined)
    sel = sel.where(
      'id',
      'in',
      db.selectFrom('follows').select('target_account_id').where('account_id', '=', opts.followedBy),
    );
  return sel
    .selectAll()
    .where('suspended_at', 'is', null)
    .where((eb) =>
      eb.or([
        startsWith('username_lower', q.toLowerCase()),
        startsWith('display_name', q.toLowerCase(), like),
      ]),
    )
    .orderBy('followers_count', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(opts.offset ?? 0)
    .execute();
}

export async function isUsernameTaken(db: Kysely<Database>, usernameLower: string): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('username_lower', '=', usernameLower)
    .executeTakeFirst();
  return Boolean(row);
}

export async function isEmailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
  return Boolean(row);
}

/** Whether the instance has any account yet (the first one runs it). */
export async function hasAnyAccount(db: Kysely<Database>): Promise<boolean> {
  return Boolean(
    await db.selectFrom('accounts').select('id').where('domain', 'is', null).limit(1).executeTakeFirst(),
  );
}

export const insertAccount = (db: Kysely<Database>, values: Insertable<AccountsTable>) =>
  db.insertInto('accounts').values(values).returningAll().executeTakeFirstOrThrow();

/** Marks an account suspended, once. */
export async function markAccountSuspended(db: Kysely<Database>, accountId: number, now: number) {
  await db
    .updateTable('accounts')
    .set({ suspended_at: now })
    .where('id', '=', accountId)
    .where('suspended_at', 'is', null)
    .execute();
}

export async function updateAccountProfile(
  db: Kysely<Database>,
  accountId: number,
  patch: { display_name?: string; note?: string; updated_at: number },
) {
  await db.updateTable('accounts').set(patch).where('id', '=', accountId).execute();
}
