import type { Kysely } from 'kysely';
import { countRows } from './count-rows';
import { type Keyset, keysetPage } from './keyset';
import type { Database, RepliesPolicy } from './schema';

export interface ListRow {
  id: number;
  account_id: number;
  title: string;
  replies_policy: RepliesPolicy;
  exclusive: number;
}

const columns = ['id', 'account_id', 'title', 'replies_policy', 'exclusive'] as const;

/** The account's lists, oldest first (the order Mastodon answers in). */
export function listsOf(db: Kysely<Database>, accountId: number): Promise<ListRow[]> {
  return db.selectFrom('lists').select(columns).where('account_id', '=', accountId).orderBy('id').execute();
}

/** A list by id, only if `ownerId` owns it. */
export function findOwnList(db: Kysely<Database>, ownerId: number, id: number): Promise<ListRow | undefined> {
  return db
    .selectFrom('lists')
    .select(columns)
    .where('id', '=', id)
    .where('account_id', '=', ownerId)
    .executeTakeFirst();
}

export function insertList(
  db: Kysely<Database>,
  values: {
    account_id: number;
    title: string;
    replies_policy: RepliesPolicy;
    exclusive: number;
    created_at: number;
  },
): Promise<ListRow> {
  return db.insertInto('lists').values(values).returning(columns).executeTakeFirstOrThrow();
}

export function updateList(
  db: Kysely<Database>,
  id: number,
  change: { title?: string; replies_policy?: RepliesPolicy; exclusive?: number },
): Promise<ListRow> {
  return db
    .updateTable('lists')
    .set(change)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function deleteList(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('list_accounts').where('list_id', '=', id).execute();
  await db.deleteFrom('lists').where('id', '=', id).execute();
}

/** One keyset page of a list's members (keyed on the membership row), oldest added last. */
export async function listMemberPage(db: Kysely<Database>, listId: number, k: Keyset) {
  const rows = await keysetPage(
    db.selectFrom('list_accounts').select(['id', 'account_id']).where('list_id', '=', listId),
    'id',
    k,
  );
  return rows.map((r) => ({ id: Number(r.id), accountId: Number(r.account_id) }));
}

/** Every member's account id. */
export async function listMemberIds(db: Kysely<Database>, listId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('list_accounts')
    .select('account_id')
    .where('list_id', '=', listId)
    .execute();
  return rows.map((r) => Number(r.account_id));
}

/** Of `accountIds`, those already on the list. */
export async function membersAmong(
  db: Kysely<Database>,
  listId: number,
  accountIds: number[],
): Promise<number[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .selectFrom('list_accounts')
    .select('account_id')
    .where('list_id', '=', listId)
    .where('account_id', 'in', accountIds)
    .execute();
  return rows.map((r) => Number(r.account_id));
}

export async function insertListMembers(
  db: Kysely<Database>,
  listId: number,
  accountIds: number[],
  now: number,
) {
  if (accountIds.length === 0) return;
  await db
    .insertInto('list_accounts')
    .values(accountIds.map((a) => ({ list_id: listId, account_id: a, created_at: now })))
    .execute();
}

/** Removes accounts from a list; returns those that were on it. */
export async function deleteListMembers(
  db: Kysely<Database>,
  listId: number,
  accountIds: number[],
): Promise<number[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .deleteFrom('list_accounts')
    .where('list_id', '=', listId)
    .where('account_id', 'in', accountIds)
    .returning('account_id')
    .execute();
  return rows.map((r) => Number(r.account_id));
}

/** Drops `memberId` from every list of `ownerId` (they stopped following); returns the list ids. */
export async function leaveListsOf(
  db: Kysely<Database>,
  ownerId: number,
  memberId: number,
): Promise<number[]> {
  const rows = await db
    .deleteFrom('list_accounts')
    .where('account_id', '=', memberId)
    .where('list_id', 'in', db.selectFrom('lists').select('id').where('account_id', '=', ownerId))
    .returning('list_id')
    .execute();
  return rows.map((r) => Number(r.list_id));
}

/** The lists of `ownerId` that `memberId` is on. */
export function listsWithMember(db: Kysely<Database>, ownerId: number, memberId: number): Promise<ListRow[]> {
  return db
    .selectFrom('lists')
    .select(columns)
    .where('account_id', '=', ownerId)
    .where('id', 'in', db.selectFrom('list_accounts').select('list_id').where('account_id', '=', memberId))
    .orderBy('id')
    .execute();
}

/** Accounts on any of the owner's exclusive lists: their statuses stay out of the owner's home. */
export function exclusiveMembersQuery(db: Kysely<Database>, ownerId: number) {
  return db
    .selectFrom('list_accounts as la')
    .innerJoin('lists as l', 'l.id', 'la.list_id')
    .select('la.account_id')
    .where('l.account_id', '=', ownerId)
    .where('l.exclusive', '=', 1);
}

export async function exclusiveMemberIds(db: Kysely<Database>, ownerId: number): Promise<Set<number>> {
  const rows = await exclusiveMembersQuery(db, ownerId).execute();
  return new Set(rows.map((r) => Number(r.account_id)));
}

/**
 * Status ids of a list's timeline: its members' statuses (and reblogs) that followers see,
 * replies shown as the list's replies_policy says — a member's reply to themselves or to the
 * owner always; to another member with `list`; to anyone the owner follows with `followed`.
 */
export async function listTimelineIds(db: Kysely<Database>, list: ListRow, k: Keyset): Promise<number[]> {
  const members = db.selectFrom('list_accounts').select('account_id').where('list_id', '=', list.id);
  const owner = Number(list.account_id);
  const q = db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', 'in', members)
    .where('visibility', 'in', ['public', 'unlisted', 'private'])
    .where((eb) => {
      const shown = [
        eb('in_reply_to_account_id', 'is', null),
        eb('in_reply_to_account_id', '=', eb.ref('account_id')),
        eb('in_reply_to_account_id', '=', owner),
      ];
      if (list.replies_policy === 'list') shown.push(eb('in_reply_to_account_id', 'in', members));
      if (list.replies_policy === 'followed')
        shown.push(
          eb(
            'in_reply_to_account_id',
            'in',
            db.selectFrom('follows').select('target_account_id').where('account_id', '=', owner),
          ),
        );
      return eb.or(shown);
    });
  const rows = await keysetPage(q, 'id', k);
  return rows.map((r) => Number(r.id));
}

export const countLists = (db: Kysely<Database>, id: number) => countRows(db, 'lists', 'account_id', id);

export const countListMembers = (db: Kysely<Database>, id: number) =>
  countRows(db, 'list_accounts', 'list_id', id);
