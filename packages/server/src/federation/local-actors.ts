import { tagOfChatActorName } from '@hashchat/core/chat/fediverse-handle';
import type { Context } from '../context';
import { type AccountRow, findAccountByUsername } from '../store/accounts';
import { type ChatRow, findChatById, findChatByTag } from '../store/chats';

/**
 * Actor identifiers (the `{identifier}` of `/users/{identifier}`): a local account's lowercased
 * username, `chat-<id>` for a chat's Group, or `instance-actor` for the server itself (an
 * `Application`, as Mastodon's instance actor: it signs what no person sends, such as a
 * forwarded report). Usernames have no `-`, so none of them meet.
 */
export type LocalActor =
  | { kind: 'account'; id: number; row: AccountRow }
  | { kind: 'chat'; id: number; row: ChatRow }
  | { kind: 'instance'; id: 0 };

export const INSTANCE_ACTOR = 'instance-actor';

const CHAT_ID = /^chat-(\d{1,18})$/;

export const chatIdentifier = (chatId: number) => `chat-${chatId}`;
export const accountIdentifier = (a: { username: string }) => a.username.toLowerCase();

export async function findLocalActor(ctx: Context, identifier: string): Promise<LocalActor | null> {
  if (identifier === INSTANCE_ACTOR) return { kind: 'instance', id: 0 };
  const m = CHAT_ID.exec(identifier);
  if (m) {
    const row = await findChatById(ctx.store.db, Number(m[1]));
    return row ? { kind: 'chat', id: Number(row.id), row } : null;
  }
  if (!/^[a-z0-9_]{1,30}$/.test(identifier)) return null;
  const row = await findAccountByUsername(ctx.store.db, identifier);
  if (!row || row.domain !== null || row.suspended_at !== null) return null;
  return { kind: 'account', id: Number(row.id), row };
}

/** WebFinger's `acct:name@host` → the identifier: `chat.<hashtag>` is a chat, anything else a username. */
export async function identifierOfHandle(ctx: Context, name: string): Promise<string | null> {
  const tag = tagOfChatActorName(name);
  if (tag !== null) {
    const chat = await findChatByTag(ctx.store.db, tag);
    return chat ? chatIdentifier(Number(chat.id)) : null;
  }
  const actor = await findLocalActor(ctx, name.toLowerCase());
  return actor ? name.toLowerCase() : null;
}
