import type { Kysely } from 'kysely';
import type { AccountRow } from './accounts';
import type { Database } from './schema';

/** What a remote actor document says of its account. */
export interface RemoteActor {
  uri: string;
  username: string;
  domain: string;
  displayName: string;
  note: string;
  url: string | null;
  inbox: string | null;
  sharedInbox: string | null;
  followers: string | null;
  publicKey: string | null;
  /** `Group` actors are accounts too (a Lemmy community, another Hashchat's chat). */
  group: boolean;
}

export const findAccountByUri = (db: Kysely<Database>, uri: string) =>
  db.selectFrom('accounts').selectAll().where('uri', '=', uri).executeTakeFirst();

/** A remote account by `user@domain` (the key its `username_lower` holds). */
export const findRemoteAccountByHandle = (db: Kysely<Database>, username: string, domain: string) =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('username_lower', '=', `${username}@${domain}`.toLowerCase())
    .executeTakeFirst();

/**
 * Inserts or refreshes a remote account by its actor URI. A handle taken by another URI (the
 * account moved to a new actor on the same server) is released first, keeping `user@domain` unique.
 */
export async function upsertRemoteAccount(
  db: Kysely<Database>,
  a: RemoteActor,
  now: number,
): Promise<AccountRow> {
  const handle = `${a.username}@${a.domain}`.toLowerCase();
  const fields = {
    username: a.username,
    username_lower: handle,
    display_name: a.displayName,
    note: a.note,
    domain: a.domain.toLowerCase(),
    url: a.url,
    inbox_url: a.inbox,
    shared_inbox_url: a.sharedInbox,
    followers_url: a.followers,
    public_key: a.publicKey,
    fetched_at: now,
    updated_at: now,
  };
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ username_lower: `${handle}#moved-${now}` })
      .where('username_lower', '=', handle)
      .where('uri', '!=', a.uri)
      .execute();
    const existing = await trx
      .selectFrom('accounts')
      .select('id')
      .where('uri', '=', a.uri)
      .executeTakeFirst();
    if (existing) {
      return trx
        .updateTable('accounts')
        .set(fields)
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return trx
      .insertInto('accounts')
      .values({
        ...fields,
        uri: a.uri,
        // Never a login: sign-in only looks at local accounts (domain is null).
        email: a.uri,
        password_hash: '',
        locale: 'en',
        role: 'user',
        created_at: now,
        statuses_count: 0,
        followers_count: 0,
        following_count: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Where to deliver to a set of remote accounts. */
export interface Inbox {
  accountId: number;
  uri: string;
  inbox: string;
  sharedInbox: string | null;
}

const inboxOf = (r: {
  id: number;
  uri: string | null;
  inbox_url: string | null;
  shared_inbox_url: string | null;
}) =>
  r.uri && r.inbox_url
    ? [{ accountId: Number(r.id), uri: r.uri, inbox: r.inbox_url, sharedInbox: r.shared_inbox_url }]
    : [];

/** The remote followers of a local account. */
export async function remoteFollowersOf(db: Kysely<Database>, accountId: number): Promise<Inbox[]> {
  const rows = await db
    .selectFrom('follows')
    .innerJoin('accounts', 'accounts.id', 'follows.account_id')
    .select(['accounts.id', 'accounts.uri', 'accounts.inbox_url', 'accounts.shared_inbox_url'])
    .where('follows.target_account_id', '=', accountId)
    .where('accounts.domain', 'is not', null)
    .where('accounts.suspended_at', 'is', null)
    .execute();
  return rows.flatMap(inboxOf);
}

/** The remote followers of a chat (its Group actor's followers). */
export async function remoteFollowersOfChat(db: Kysely<Database>, chatId: number): Promise<Inbox[]> {
  const rows = await db
    .selectFrom('chat_remote_followers')
    .innerJoin('accounts', 'accounts.id', 'chat_remote_followers.account_id')
    .select(['accounts.id', 'accounts.uri', 'accounts.inbox_url', 'accounts.shared_inbox_url'])
    .where('chat_remote_followers.chat_id', '=', chatId)
    .where('accounts.suspended_at', 'is', null)
    .execute();
  return rows.flatMap(inboxOf);
}

/** Inboxes of remote accounts by id (those mentioned in a status). */
export async function remoteInboxesOf(db: Kysely<Database>, ids: number[]): Promise<Inbox[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'uri', 'inbox_url', 'shared_inbox_url'])
    .where('id', 'in', ids)
    .where('domain', 'is not', null)
    .execute();
  return rows.flatMap(inboxOf);
}

export async function countRemoteFollowersOfChat(db: Kysely<Database>, chatId: number): Promise<number> {
  const row = await db
    .selectFrom('chat_remote_followers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chat_id', '=', chatId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Adds a remote follower to a chat; false when it was one. */
export async function insertChatRemoteFollower(
  db: Kysely<Database>,
  chatId: number,
  accountId: number,
  now: number,
) {
  const res = await db
    .insertInto('chat_remote_followers')
    .values({ chat_id: chatId, account_id: accountId, created_at: now })
    .onConflict((oc) => oc.columns(['chat_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteChatRemoteFollower(db: Kysely<Database>, chatId: number, accountId: number) {
  await db
    .deleteFrom('chat_remote_followers')
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .execute();
}

/** Records a Follow sent to a remote account (replacing an older one). */
export async function upsertFollowRequest(
  db: Kysely<Database>,
  accountId: number,
  targetId: number,
  activityUri: string,
  now: number,
) {
  await db
    .insertInto('follow_requests')
    .values({
      account_id: accountId,
      target_account_id: targetId,
      activity_uri: activityUri,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'target_account_id'])
        .doUpdateSet({ activity_uri: activityUri, created_at: now }),
    )
    .execute();
}

export const findFollowRequest = (db: Kysely<Database>, accountId: number, targetId: number) =>
  db
    .selectFrom('follow_requests')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();

/** Drops a pending follow; true when there was one. */
export async function deleteFollowRequest(db: Kysely<Database>, accountId: number, targetId: number) {
  const res = await db
    .deleteFrom('follow_requests')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Which of `ids` the account has asked to follow and not yet heard back from. */
export async function requestedAmong(
  db: Kysely<Database>,
  accountId: number,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('follow_requests')
    .select('target_account_id')
    .where('account_id', '=', accountId)
    .where('target_account_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => Number(r.target_account_id)));
}

/** Whether any local account follows the remote account (its posts are wanted here). */
export async function hasLocalFollower(db: Kysely<Database>, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .innerJoin('accounts', 'accounts.id', 'follows.account_id')
    .select('follows.account_id')
    .where('follows.target_account_id', '=', accountId)
    .where('accounts.domain', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export const findStatusByUri = (db: Kysely<Database>, uri: string) =>
  db.selectFrom('statuses').selectAll().where('uri', '=', uri).executeTakeFirst();

/** Public statuses of a local account, newest first (its outbox). */
export const recentPublicStatuses = (db: Kysely<Database>, accountId: number, limit: number) =>
  db
    .selectFrom('statuses')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('visibility', 'in', ['public', 'unlisted'])
    .where('reblog_of_id', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** Sets a remote status's ActivityPub id and page (in the transaction that inserted it). */
export async function setStatusUri(db: Kysely<Database>, statusId: number, uri: string, url: string | null) {
  await db.updateTable('statuses').set({ uri, url }).where('id', '=', statusId).execute();
}

/** The servers remote accounts known here are on (each `host[:port]` once). */
export async function remoteDomains(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('domain')
    .distinct()
    .where('domain', 'is not', null)
    .execute();
  return rows.map((r) => r.domain!);
}

/**
 * Every follow between a local account or chat and an account on one of `domains`, both ways,
 * pending requests included: what a suspension of those servers ends.
 */
export async function followsWithDomains(db: Kysely<Database>, domains: string[]) {
  if (domains.length === 0) return { follows: [], requests: [], chatFollowers: [] };
  const remote = db.selectFrom('accounts').select('id').where('domain', 'in', domains);
  const [follows, requests, chatFollowers] = await Promise.all([
    db
      .selectFrom('follows')
      .select(['account_id', 'target_account_id'])
      .where((eb) => eb.or([eb('account_id', 'in', remote), eb('target_account_id', 'in', remote)]))
      .execute(),
    db
      .selectFrom('follow_requests')
      .select(['account_id', 'target_account_id'])
      .where('target_account_id', 'in', remote)
      .execute(),
    db
      .selectFrom('chat_remote_followers')
      .select(['chat_id', 'account_id'])
      .where('account_id', 'in', remote)
      .execute(),
  ]);
  const pair = (r: { account_id: unknown; target_account_id: unknown }) => ({
    accountId: Number(r.account_id),
    targetId: Number(r.target_account_id),
  });
  return {
    follows: follows.map(pair),
    requests: requests.map(pair),
    chatFollowers: chatFollowers.map((r) => ({ chatId: Number(r.chat_id), accountId: Number(r.account_id) })),
  };
}

/** Statuses by accounts on `domains`, a page at a time by id (after `afterId`): what a suspension removes. */
export async function statusesOfDomains(
  db: Kysely<Database>,
  domains: string[],
  afterId: number,
  limit: number,
): Promise<{ id: number; accountId: number }[]> {
  if (domains.length === 0) return [];
  const rows = await db
    .selectFrom('statuses')
    .innerJoin('accounts', 'accounts.id', 'statuses.account_id')
    .select(['statuses.id', 'statuses.account_id'])
    .where('accounts.domain', 'in', domains)
    .where('statuses.id', '>', afterId)
    .orderBy('statuses.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), accountId: Number(r.account_id) }));
}

/** Whether any remote account is known (the federation loads once one is: federation/lazy.ts). */
export async function hasRemoteAccounts(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('domain', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
