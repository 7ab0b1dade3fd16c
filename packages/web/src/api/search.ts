import type { SearchResults } from '@hashchat/api/entities/search';
import { api } from './http';

export type SearchType = 'accounts' | 'hashtags' | 'statuses';

/** A handle on another server (`@ana@example.social`) or a link: worth asking that server about. */
export function looksRemote(q: string): boolean {
  return /^@?[^@\s/]+@[^@\s/]+$/.test(q) || /^https?:\/\/\S+$/.test(q);
}

export function search(q: string, type?: SearchType): Promise<SearchResults> {
  // `resolve` looks the account or status up on its own server (signed in only; ignored otherwise).
  return api<SearchResults>('/api/v2/search', {
    query: { q, type, limit: 20, ...(looksRemote(q) ? { resolve: true } : {}) },
  });
}
