import type { ChatStats, PublishedRecap, Recap } from '@hashchat/api/entities/recap';
import { api } from './http';

const sessionPath = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;

/** A session's recap: its figures, charts' data, resource list and export links. Public. */
export function getRecap(sessionId: string): Promise<Recap> {
  return api<Recap>(`${sessionPath(sessionId)}/recap`);
}

/**
 * Posts the recap as a status thread from the signed-in host's account (hosts and co-hosts of
 * an ended session). Once per session: a second call answers with the same statuses.
 */
export function publishRecap(sessionId: string): Promise<PublishedRecap> {
  return api<PublishedRecap>(`${sessionPath(sessionId)}/recap/publish`, { method: 'POST' });
}

/** Every live or ended session of a chat side by side, oldest first (the latest `limit`). */
export function getChatStats(chatId: string, limit?: number): Promise<ChatStats> {
  return api<ChatStats>(`/api/v1/chats/${encodeURIComponent(chatId)}/stats`, { query: { limit } });
}
