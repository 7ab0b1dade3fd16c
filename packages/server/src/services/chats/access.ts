import { forbidden, notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import { findAccountById } from '../../store/accounts';
import { findSessionById, type SessionRow } from '../../store/chat-sessions';
import { type ChatRow, findChatById, isCoHost } from '../../store/chats';
import type { Database } from '../../store/schema';

export async function loadChat(db: Kysely<Database>, id: number): Promise<ChatRow> {
  const chat = await findChatById(db, id);
  if (!chat) throw notFound();
  return chat;
}

export async function loadSession(
  db: Kysely<Database>,
  id: number,
): Promise<{ session: SessionRow; chat: ChatRow }> {
  const session = await findSessionById(db, id);
  if (!session) throw notFound();
  return { session, chat: await loadChat(db, Number(session.chat_id)) };
}

/** The owner and co-hosts share every host power. */
export async function isHost(db: Kysely<Database>, chat: ChatRow, accountId: number): Promise<boolean> {
  return Number(chat.owner_id) === accountId || (await isCoHost(db, Number(chat.id), accountId));
}

export async function requireHost(db: Kysely<Database>, chat: ChatRow, accountId: number): Promise<void> {
  if (!(await isHost(db, chat, accountId))) throw forbidden('Only the hosts of this chat can do that');
}

export async function isAdmin(db: Kysely<Database>, accountId: number): Promise<boolean> {
  return (await findAccountById(db, accountId))?.role === 'admin';
}

export async function requireAdmin(db: Kysely<Database>, accountId: number): Promise<void> {
  if (!(await isAdmin(db, accountId))) throw forbidden('Only an admin can do that');
}
