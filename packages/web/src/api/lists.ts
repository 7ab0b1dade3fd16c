import type { Account } from '@hashchat/api/entities/account';
import type { List } from '@hashchat/api/entities/list';
import { api, apiPage } from './http';
import type { Page } from './page';

const listPath = (id: string) => `/api/v1/lists/${encodeURIComponent(id)}`;

export const getLists = () => api<List[]>('/api/v1/lists');

export const getList = (id: string) => api<List>(listPath(id));

export const createList = (input: Pick<List, 'title' | 'replies_policy' | 'exclusive'>) =>
  api<List>('/api/v1/lists', { method: 'POST', body: input });

export const updateList = (
  id: string,
  input: Partial<Pick<List, 'title' | 'replies_policy' | 'exclusive'>>,
) => api<List>(listPath(id), { method: 'PUT', body: input });

export const deleteList = (id: string) => api<Record<string, never>>(listPath(id), { method: 'DELETE' });

/** Every member of a list (a list holds at most 500). */
export const getListMembers = (id: string) =>
  api<Account[]>(`${listPath(id)}/accounts`, { query: { limit: 0 } });

export const addListMember = (id: string, accountId: string) =>
  api<Record<string, never>>(`${listPath(id)}/accounts`, {
    method: 'POST',
    body: { account_ids: [accountId] },
  });

export const removeListMember = (id: string, accountId: string) =>
  api<Record<string, never>>(`${listPath(id)}/accounts`, {
    method: 'DELETE',
    body: { account_ids: [accountId] },
  });

/** One page of the accounts the viewer follows (who may go on a list). */
export const getFollowing = (accountId: string, maxId?: string): Promise<Page<Account>> =>
  apiPage<Account>(`/api/v1/accounts/${encodeURIComponent(accountId)}/following`, {
    query: { max_id: maxId, limit: 40 },
  });
