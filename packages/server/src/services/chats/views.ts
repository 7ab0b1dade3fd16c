import { chatActorName } from '@hashchat/core/chat/fediverse-handle';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { type ChatEntity, type SessionEntity, serializeChat, serializeSession } from '../../present/chat';
import { findAccountsByIds } from '../../store/accounts';
import {
  findEventsByIds,
  guestsForSessions,
  nextSessionsForChats,
  type SessionRow,
} from '../../store/chat-sessions';
import {
  type ChatRow,
  claimedChatIds,
  coHostsForChats,
  findCategoriesByIds,
  findChatsByIds,
  followedChatIds,
  followerCounts,
} from '../../store/chats';
import type { Database } from '../../store/schema';

/** Hydrate + present: session rows in, Session entities out, same order (those whose chat vanished left out). */
export async function presentSessions(
  ctx: Context,
  rows: SessionRow[],
  db: Kysely<Database> = ctx.store.db,
  knownChats: Map<number, ChatRow> = new Map(),
): Promise<SessionEntity[]> {
  if (rows.length === 0) return [];
  const missing = rows.map((r) => Number(r.chat_id)).filter((id) => !knownChats.has(id));
  const chats = new Map([...knownChats, ...(await findChatsByIds(db, missing))]);
  const ids = rows.map((r) => Number(r.id));
  const [guests, events] = await Promise.all([
    guestsForSessions(db, ids),
    findEventsByIds(
      db,
      rows
        .map((r) => r.event_id)
        .filter((x): x is number => x !== null)
        .map(Number),
    ),
  ]);
  const accounts = await findAccountsByIds(
    db,
    [...guests.values()].flat().map((g) => g.account_id),
  );
  const out: SessionEntity[] = [];
  for (const row of rows) {
    const chat = chats.get(Number(row.chat_id));
    if (!chat) continue;
    const list = (guests.get(Number(row.id)) ?? []).flatMap((g) => {
      const account = accounts.get(g.account_id);
      return account ? [{ account, badge: g.badge }] : [];
    });
    const event = row.event_id === null ? null : (events.get(Number(row.event_id)) ?? null);
    out.push(serializeSession({ row, chat, guests: list, event }, ctx.config.publicUrl));
  }
  return out;
}

/** Chat entities for rows, as `viewerId` sees them (following), each with its next session. */
export async function presentChats(
  ctx: Context,
  rows: ChatRow[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<ChatEntity[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const [coHosts, categories, claimed, following, counts, next] = await Promise.all([
    coHostsForChats(db, ids),
    findCategoriesByIds(
      db,
      rows
        .map((r) => r.category_id)
        .filter((x): x is number => x !== null)
        .map(Number),
    ),
    claimedChatIds(db, ids),
    viewerId === null ? Promise.resolve(new Set<number>()) : followedChatIds(db, viewerId, ids),
    followerCounts(db, ids),
    nextSessionsForChats(db, ids, ctx.now()),
  ]);
  const accounts = await findAccountsByIds(db, [
    ...rows.map((r) => Number(r.owner_id)),
    ...[...coHosts.values()].flat(),
  ]);
  const chatsById = new Map(rows.map((r) => [Number(r.id), r]));
  const sessions = new Map(
    (await presentSessions(ctx, [...next.values()], db, chatsById)).map((s) => [Number(s.chat_id), s]),
  );
  const out: ChatEntity[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    const owner = accounts.get(Number(row.owner_id));
    if (!owner) continue;
    out.push(
      serializeChat(
        {
          row,
          owner,
          coHosts: (coHosts.get(id) ?? []).flatMap((a) => accounts.get(a) ?? []),
          category: row.category_id === null ? null : (categories.get(Number(row.category_id)) ?? null),
          claimed: claimed.has(id),
          following: following.has(id),
          followersCount: counts.get(id) ?? 0,
          nextSession: sessions.get(id) ?? null,
          fediverseHandle: ctx.config.federation.enabled
            ? `${chatActorName(row.tag_name)}@${new URL(ctx.config.publicUrl).host}`
            : null,
        },
        ctx.config.publicUrl,
      ),
    );
  }
  return out;
}

export async function presentChat(
  ctx: Context,
  row: ChatRow,
  viewerId: number | null,
  db?: Kysely<Database>,
): Promise<ChatEntity> {
  const [chat] = await presentChats(ctx, [row], viewerId, db);
  if (!chat) throw new Error(`chat ${row.id} has no owner`);
  return chat;
}
