import type { Account, Relationship } from '@hashchat/api/entities/account';
import { api } from './http';

export function lookupAccount(acct: string): Promise<Account> {
  return api<Account>('/api/v1/accounts/lookup', { query: { acct } });
}

export function getAccount(id: string): Promise<Account> {
  return api<Account>(`/api/v1/accounts/${encodeURIComponent(id)}`);
}

export async function getRelationship(id: string): Promise<Relationship | null> {
  const list = await api<Relationship[]>('/api/v1/accounts/relationships', { query: { 'id[]': [id] } });
  return list[0] ?? null;
}

export function setFollowing(id: string, follow: boolean): Promise<Relationship> {
  return api<Relationship>(`/api/v1/accounts/${encodeURIComponent(id)}/${follow ? 'follow' : 'unfollow'}`, {
    method: 'POST',
  });
}
