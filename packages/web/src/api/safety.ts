import type { Account, Relationship } from '@hashchat/api/entities/account';
import { api, apiPage } from './http';
import type { Page } from './page';

/** A Relationship with the personal-safety fields (Mastodon's). */
export interface SafetyRelationship extends Relationship {
  blocking: boolean;
  blocked_by: boolean;
  muting: boolean;
  muting_notifications: boolean;
}

/** A muted account, with when the mute ends (null: until undone). */
export type MutedAccount = Account & { mute_expires_at?: string | null };

const accountPath = (id: string) => `/api/v1/accounts/${encodeURIComponent(id)}`;

export function getSafetyRelationship(id: string): Promise<SafetyRelationship | null> {
  return api<SafetyRelationship[]>('/api/v1/accounts/relationships', { query: { 'id[]': [id] } }).then(
    (list) => list[0] ?? null,
  );
}

export function setBlocking(id: string, on: boolean): Promise<SafetyRelationship> {
  return api<SafetyRelationship>(`${accountPath(id)}/${on ? 'block' : 'unblock'}`, { method: 'POST' });
}

/** Mutes an account (for `durationSeconds`, 0 = until undone), or unmutes it. */
export function setMuting(id: string, on: boolean, durationSeconds = 0): Promise<SafetyRelationship> {
  return api<SafetyRelationship>(`${accountPath(id)}/${on ? 'mute' : 'unmute'}`, {
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
