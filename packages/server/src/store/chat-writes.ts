import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ChatsTable, Database } from './schema';

export const insertChat = (db: Kysely<Database>, values: Insertable<ChatsTable>) =>
  db.insertInto('chats').values(values).returningAll().executeTakeFirstOrThrow();

export async function updateChatRow(db: Kysely<Database>, chatId: number, set: Updateable<ChatsTable>) {
  await db.updateTable('chats').set(set).where('id', '=', chatId).execute();
}

/** Deletes a chat; its sessions, claim, co-hosts and follows go with it (foreign keys). */
export async function deleteChatRow(db: Kysely<Database>, chatId: number) {
  await db.deleteFrom('chats').where('id', '=', chatId).execute();
}

export async function insertClaim(db: Kysely<Database>, tagName: string, chatId: number, now: number) {
  await db
    .insertInto('chat_claims')
    .values({ tag_name: tagName, chat_id: chatId, created_at: now })
    .execute();
}

/** Frees a chat's hashtag; false when it held none. */
export async function deleteClaim(db: Kysely<Database>, chatId: number): Promise<boolean> {
  const res = await db.deleteFrom('chat_claims').where('chat_id', '=', chatId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Forgets the scheduled sessions a chat's rule made for after `now`, so the rule can make them again. */
export async function deleteFutureRuleSessions(db: Kysely<Database>, chatId: number, now: number) {
  await db
    .deleteFrom('chat_sessions')
    .where('chat_id', '=', chatId)
    .where('origin', '=', 'rule')
    .where('state', '=', 'scheduled')
    .where('starts_at', '>', now)
    .execute();
}

export async function insertCoHost(db: Kysely<Database>, chatId: number, accountId: number, now: number) {
  await db
    .insertInto('chat_co_hosts')
    .values({ chat_id: chatId, account_id: accountId, created_at: now })
    .onConflict((oc) => oc.columns(['chat_id', 'account_id']).doNothing())
    .execute();
}

/** Removes a co-host; false when the account was none. */
export async function deleteCoHost(
  db: Kysely<Database>,
  chatId: number,
  accountId: number,
): Promise<boolean> {
  const res = await db
    .deleteFrom('chat_co_hosts')
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function insertChatFollow(db: Kysely<Database>, chatId: number, accountId: number, now: number) {
  await db
    .insertInto('chat_follows')
    .values({ chat_id: chatId, account_id: accountId, created_at: now })
    .onConflict((oc) => oc.columns(['chat_id', 'account_id']).doNothing())
    .execute();
}

export async function deleteChatFollow(db: Kysely<Database>, chatId: number, accountId: number) {
  await db
    .deleteFrom('chat_follows')
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .execute();
}
