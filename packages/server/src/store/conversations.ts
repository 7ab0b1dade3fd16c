import { type Kysely, sql } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database } from './schema';

export interface ConversationRow {
  id: number;
  account_id: number;
  participant_ids: string;
  last_status_id: number;
  unread: number;
}

const columns = ['id', 'account_id', 'participant_ids', 'last_status_id', 'unread'] as const;

/**
 * Files a direct status in the account's conversation with `others` (made on first use): it
 * becomes the latest status, and the conversation unread unless the account wrote it.
 */
export async function fileInConversation(
  db: Kysely<Database>,
  accountId: number,
  others: number[],
  statusId: number,
  unread: boolean,
): Promise<ConversationRow> {
  const key = [...others].sort((a, b) => a - b).join(',');
  const row = await db
    .insertInto('conversations')
    .values({ account_id: accountId, participant_ids: key, last_status_id: statusId, unread: unread ? 1 : 0 })
    .onConflict((oc) =>
      oc.columns(['account_id', 'participant_ids']).doUpdateSet({
        last_status_id: sql<number>`case when conversations.last_status_id > ${statusId} then conversations.last_status_id else ${statusId} end`,
        unread: unread ? 1 : sql<number>`conversations.unread`,
      }),
    )
    .returning(columns)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('conversation_statuses')
    .values({ conversation_id: row.id, status_id: statusId })
    .onConflict((oc) => oc.columns(['conversation_id', 'status_id']).doNothing())
    .execute();
  return row;
}

/** One keyset page of the account's conversations, by their latest status, newest first. */
export function conversationPage(
  db: Kysely<Database>,
  accountId: number,
  k: Keyset,
): Promise<ConversationRow[]> {
  return keysetPage(
    db.selectFrom('conversations').select(columns).where('account_id', '=', accountId),
    'last_status_id',
    k,
  );
}

export function findOwnConversation(db: Kysely<Database>, accountId: number, id: number) {
  return db
    .selectFrom('conversations')
    .select(columns)
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function markConversationRead(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('conversations').set({ unread: 0 }).where('id', '=', id).execute();
}

/** Removes a conversation from the account's list (a new status starts it again). */
export async function deleteConversation(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('conversation_statuses').where('conversation_id', '=', id).execute();
  await db.deleteFrom('conversations').where('id', '=', id).execute();
}

/**
 * A status is being deleted: takes it out of its conversations, each going back to its latest
 * remaining status, or away when none is left.
 */
export async function unfileStatus(db: Kysely<Database>, statusId: number): Promise<void> {
  const touched = await db
    .deleteFrom('conversation_statuses')
    .where('status_id', '=', statusId)
    .returning('conversation_id')
    .execute();
  for (const { conversation_id } of touched) {
    const latest = await db
      .selectFrom('conversation_statuses')
      .select((eb) => eb.fn.max('status_id').as('id'))
      .where('conversation_id', '=', conversation_id)
      .executeTakeFirst();
    if (latest?.id == null) await deleteConversation(db, Number(conversation_id));
    else
      await db
        .updateTable('conversations')
        .set({ last_status_id: Number(latest.id) })
        .where('id', '=', conversation_id)
        .execute();
  }
}
