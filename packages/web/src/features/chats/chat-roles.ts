import type { Chat, ChatSession } from '@hashchat/api/entities/chat';

export type ChatRole = 'Host' | 'Co-host' | 'Guest';

/**
 * The badge an account wears in a chat's room: Host for the owner, Co-host for the other hosts,
 * Guest for the guests of the current session; null for everyone else.
 */
export function roleOf(accountId: string, chat: Chat, session: ChatSession | null): ChatRole | null {
  const ownerId = chat.owner?.id ?? chat.hosts[0]?.id;
  if (accountId === ownerId) return 'Host';
  if (chat.hosts.some((h) => h.id === accountId) || chat.co_hosts?.some((h) => h.id === accountId))
    return 'Co-host';
  if (session?.guests.some((g) => g.id === accountId)) return 'Guest';
  return null;
}

/**
 * The words of an account's badge in a chat's room: "Host", "Co-host", or for a guest the title
 * the hosts gave them ("Budgeting coach"), "Guest" when none. The same words in the strip's
 * list of people and on every status of theirs.
 */
export function badgeOf(accountId: string, chat: Chat, session: ChatSession | null): string | null {
  const role = roleOf(accountId, chat, session);
  if (role !== 'Guest') return role;
  return guestBadge(session?.guests.find((g) => g.id === accountId)?.badge);
}

/** A guest's badge: their title when the hosts gave one, else "Guest". */
export function guestBadge(title: string | undefined): string {
  return title?.trim() || 'Guest';
}

/** Whether the account may use the host controls (owner or co-host). */
export function isChatHost(accountId: string | null | undefined, chat: Chat): boolean {
  return Boolean(accountId) && chat.hosts.some((h) => h.id === accountId);
}
