import type {
  AdminDomainAllow,
  AdminDomainBlock,
  FederationStatus,
} from '@hashchat/api/entities/federation-admin';
import type { DomainBlockCreateBody } from '@hashchat/api/requests/admin';
import { api } from './http';

/** What the admin's block form sends: the input side of the schema the server parses it with. */
export type NewDomainBlock = DomainBlockCreateBody;

export function listDomainBlocks(signal?: AbortSignal): Promise<AdminDomainBlock[]> {
  return api<AdminDomainBlock[]>('/api/v1/admin/domain_blocks', { query: { limit: 200 }, signal });
}

export function blockDomain(block: NewDomainBlock): Promise<AdminDomainBlock> {
  return api<AdminDomainBlock>('/api/v1/admin/domain_blocks', { method: 'POST', body: block });
}

export function unblockDomain(id: string): Promise<unknown> {
  return api(`/api/v1/admin/domain_blocks/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function listDomainAllows(signal?: AbortSignal): Promise<AdminDomainAllow[]> {
  return api<AdminDomainAllow[]>('/api/v1/admin/domain_allows', { query: { limit: 200 }, signal });
}

export function allowDomain(domain: string): Promise<AdminDomainAllow> {
  return api<AdminDomainAllow>('/api/v1/admin/domain_allows', { method: 'POST', body: { domain } });
}

export function disallowDomain(id: string): Promise<unknown> {
  return api(`/api/v1/admin/domain_allows/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function getFederationStatus(signal?: AbortSignal): Promise<FederationStatus> {
  return api<FederationStatus>('/api/v1/admin/federation/status', { signal });
}
