import type { CalendarFeed, ChatPreferences } from '@hashchat/api/entities/chat';
import { api } from './http';

export function getChatPreferences(): Promise<ChatPreferences> {
  return api<ChatPreferences>('/api/v1/chats/preferences');
}

export function setChatPreferences(patch: Partial<ChatPreferences>): Promise<ChatPreferences> {
  return api<ChatPreferences>('/api/v1/chats/preferences', { method: 'PATCH', body: patch });
}

export function getCalendarFeed(): Promise<CalendarFeed> {
  return api<CalendarFeed>('/api/v1/calendar');
}

/** Replaces the feed's secret; the old URL stops working. */
export function resetCalendarFeed(): Promise<CalendarFeed> {
  return api<CalendarFeed>('/api/v1/calendar/reset', { method: 'POST' });
}
