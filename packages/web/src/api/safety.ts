import type { Account, MutedAccount, Relationship } from '@hashchat/api/entities/account';
import { api, apiPage } from './http';
import type { Page } from './page';

export type { MutedAccount };

const accountPath = (id: string) => `/api/v1/accounts/${encodeURIComponent(id)}`;

export function setBlocking(id: string, on: boolean): Promise<Relationship> {
  return api<Relationship>(`${accountPath(id)}/${on ? 'block' : 'unblock'}`, { method: 'POST' });
}

/** Mutes an account (for `durationSeconds`, 0 = until undone), or unmutes it. */
export function setMuting(id: string, on: boolean, durationSeconds = 0): Promise<Relationship> {
  return api<Relationship>(`${accountPath(id)}/${on ? 'mute' : 'unmute'}`, {
    method: 'POST',
    body: on ? { notifications: true, duration: durationSeconds } : undefined,
  });
}

export function listBlocks(maxId?: string): Promise<Page<Account>> {
  return apiPage<Account>('/api/v1/blocks', { query: { max_id: maxId, limit: 40 } });
}

export function listMutes(maxId?: string): Promise<Page<MutedAccount>> {
  return apiPage<MutedAccount>('/api/v1/mutes', { query: { max_id: maxId, limit: 40 } });
}
