import type { Notification } from '@hashchat/api/entities/notification';
import { api, apiPage } from './http';
import type { Page } from './page';

export function listNotifications(maxId?: string): Promise<Page<Notification>> {
  return apiPage<Notification>('/api/v1/notifications', { query: { max_id: maxId, limit: 30 } });
}

export function clearNotifications(): Promise<unknown> {
  return api<unknown>('/api/v1/notifications/clear', { method: 'POST' });
}
