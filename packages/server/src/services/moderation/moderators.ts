import { forbidden } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import { findAccountById } from '../../store/accounts';
import type { ChatRow } from '../../store/chats';
import type { Database } from '../../store/schema';
import { isHost } from '../chats/access';

/** Instance moderators and admins moderate every chat. */
export async function isInstanceModerator(db: Kysely<Database>, accountId: number): Promise<boolean> {
  const role = (await findAccountById(db, accountId))?.role;
  return role === 'moderator' || role === 'admin';
}

/** Hosts, co-hosts, and the instance's moderators and admins moderate a chat's room. */
export async function isModerator(db: Kysely<Database>, chat: ChatRow, accountId: number): Promise<boolean> {
  return (await isHost(db, chat, accountId)) || (await isInstanceModerator(db, accountId));
}

export async function requireModerator(
  db: Kysely<Database>,
  chat: ChatRow,
  accountId: number,
): Promise<void> {
  if (!(await isModerator(db, chat, accountId)))
    throw forbidden('Only the hosts and moderators of this chat can do that');
}
