import type { Conversation } from '@hashchat/api/entities/conversation';
import type { Status } from '@hashchat/api/entities/status';
import { directTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import { serializeAccount } from '../present/account';
import { findAccountsByIds } from '../store/accounts';
import {
  type ConversationRow,
  conversationPage,
  deleteConversation,
  fileInConversation,
  findOwnConversation,
  markConversationRead,
} from '../store/conversations';
import type { NewEvent } from '../store/events';
import type { Keyset } from '../store/keyset';
import type { Database } from '../store/schema';
import { presentVisibleStatuses } from './status-views';

const participants = (r: ConversationRow) => r.participant_ids.split(',').filter(Boolean).map(Number);

/** Conversation entities of one account's rows, in order; the latest status as the viewer may see it. */
export async function presentConversations(
  ctx: Context,
  rows: ConversationRow[],
  viewerId: number,
  db: Kysely<Database> = ctx.store.db,
  known: Map<number, Status> = new Map(),
): Promise<Conversation[]> {
  const accounts = await findAccountsByIds(db, rows.flatMap(participants));
  const wanted = rows.map((r) => Number(r.last_status_id)).filter((id) => !known.has(id));
  const statuses = new Map(known);
  for (const s of await presentVisibleStatuses(ctx, wanted, viewerId, db)) statuses.set(Number(s.id), s);
  return rows.map((r) => ({
    id: String(r.id),
    unread: Number(r.unread) === 1,
    accounts: participants(r)
      .map((a) => accounts.get(a))
      .filter((a) => a !== undefined)
      .map((a) => serializeAccount(a, ctx.config.publicUrl)),
    last_status: statuses.get(Number(r.last_status_id)) ?? null,
  }));
}

/**
 * Files a direct status in the conversation of everyone in it (the author and those mentioned),
 * unread for all but the author, inside the caller's transaction; returns each one's
 * `conversation` event for their `direct` stream.
 */
export async function fileDirectStatus(
  ctx: Context,
  trx: Kysely<Database>,
  s: { id: number; authorId: number; mentionIds: number[]; entity: Status },
): Promise<NewEvent[]> {
  const everyone = [...new Set([s.authorId, ...s.mentionIds])];
  const events: NewEvent[] = [];
  for (const p of everyone) {
    const row = await fileInConversation(
      trx,
      p,
      everyone.filter((x) => x !== p),
      s.id,
      p !== s.authorId,
    );
    const [entity] = await presentConversations(ctx, [row], p, trx, new Map([[s.id, s.entity]]));
    events.push({
      event: 'conversation',
      payload: JSON.stringify(entity),
      accountId: s.authorId,
      topics: [directTopic(p)],
    });
  }
  return events;
}

/** One page of the viewer's conversations, with their latest status ids for the Link header. */
export async function viewerConversations(ctx: Context, viewerId: number, k: Keyset) {
  const rows = await conversationPage(ctx.store.db, viewerId, k);
  return {
    conversations: await presentConversations(ctx, rows, viewerId),
    cursor: rows.map((r) => Number(r.last_status_id)),
  };
}

async function ownConversation(ctx: Context, viewerId: number, id: number) {
  const row = await findOwnConversation(ctx.store.db, viewerId, id);
  if (!row) throw notFound();
  return row;
}

export async function readConversation(ctx: Context, viewerId: number, id: number) {
  const row = await ownConversation(ctx, viewerId, id);
  await markConversationRead(ctx.store.db, id);
  const [entity] = await presentConversations(ctx, [{ ...row, unread: 0 }], viewerId);
  return entity;
}

export async function removeConversation(ctx: Context, viewerId: number, id: number) {
  await ownConversation(ctx, viewerId, id);
  await deleteConversation(ctx.store.db, id);
}
