import type { Chat, ChatCategory, ChatPage, ChatSession, Directory } from '@hashchat/api/entities/chat';
import type { DirectoryQuery } from '@hashchat/api/requests/chats';
import { ApiError } from './api-error';
import { api } from './http';
import type { ChatInput, ChatPatch } from './request-types';

const chatPath = (id: string) => `/api/v1/chats/${encodeURIComponent(id)}`;

/** Chats whose title, description or hashtag holds `q` (a leading "#" is dropped). */
export function searchChats(q: string, limit = 5): Promise<Chat[]> {
  return api<Chat[]>('/api/v1/chats', { query: { q: q.replace(/^#/, ''), limit } });
}

/** The directory in sections: live now, starting soon, then day by day. */
export function getDirectory(query: DirectoryQuery): Promise<Directory> {
  return api<Directory>('/api/v1/chats/directory', { query });
}

export function getChat(id: string): Promise<ChatPage> {
  return api<ChatPage>(chatPath(id));
}

/** The chat that holds a hashtag, or null when the hashtag is nobody's chat. */
export async function chatByTag(tag: string): Promise<ChatPage | null> {
  try {
    return await api<ChatPage>(`/api/v1/chats/by_tag/${encodeURIComponent(tag)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function createChat(input: ChatInput): Promise<Chat> {
  return api<Chat>('/api/v1/chats', { method: 'POST', body: input });
}

export function updateChat(id: string, patch: ChatPatch): Promise<Chat> {
  return api<Chat>(chatPath(id), { method: 'PATCH', body: patch });
}

export function deleteChat(id: string): Promise<unknown> {
  return api<unknown>(chatPath(id), { method: 'DELETE' });
}

export function setChatFollowing(id: string, follow: boolean): Promise<Chat> {
  return api<Chat>(`${chatPath(id)}/${follow ? 'follow' : 'unfollow'}`, { method: 'POST' });
}

/** Upcoming sessions (scheduled or live) soonest first, or past ones latest first. */
export function listSessions(chatId: string, state: 'upcoming' | 'past', limit = 20): Promise<ChatSession[]> {
  return api<ChatSession[]>(`${chatPath(chatId)}/sessions`, { query: { state, limit } });
}

export type SessionAction = 'start' | 'end' | 'cancel';

export function actOnSession(id: string, action: SessionAction): Promise<ChatSession> {
  return api<ChatSession>(`/api/v1/sessions/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

let categories: Promise<ChatCategory[]> | null = null;

/** The server's chat categories, asked once per page load. */
export function listCategories(): Promise<ChatCategory[]> {
  categories ??= api<ChatCategory[]>('/api/v1/chats/categories').catch((error) => {
    categories = null;
    throw error;
  });
  return categories;
}

export const calendarPaths = {
  chat: (id: string) => `${chatPath(id)}/calendar.ics`,
  session: (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}/calendar.ics`,
};
