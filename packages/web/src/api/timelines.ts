import type { Status } from '@hashchat/api/entities/status';
import { apiPage } from './http';
import type { Page } from './page';

export const PAGE_SIZE = 20;

export function tagTimeline(tag: string, maxId?: string): Promise<Page<Status>> {
  return apiPage<Status>(`/api/v1/timelines/tag/${encodeURIComponent(tag)}`, {
    query: { max_id: maxId, limit: PAGE_SIZE },
  });
}

export function homeTimeline(maxId?: string): Promise<Page<Status>> {
  return apiPage<Status>('/api/v1/timelines/home', { query: { max_id: maxId, limit: PAGE_SIZE } });
}

export function listTimeline(listId: string, maxId?: string): Promise<Page<Status>> {
  return apiPage<Status>(`/api/v1/timelines/list/${encodeURIComponent(listId)}`, {
    query: { max_id: maxId, limit: PAGE_SIZE },
  });
}

export function publicTimeline(maxId?: string): Promise<Page<Status>> {
  return apiPage<Status>('/api/v1/timelines/public', { query: { max_id: maxId, limit: PAGE_SIZE } });
}

export function accountStatuses(accountId: string, maxId?: string): Promise<Page<Status>> {
  return apiPage<Status>(`/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`, {
    query: { max_id: maxId, limit: PAGE_SIZE },
  });
}
