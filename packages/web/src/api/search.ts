import type { SearchResults } from '@hashchat/api/entities/search';
import { api } from './http';

export type SearchType = 'accounts' | 'hashtags' | 'statuses';

export function search(q: string, type?: SearchType): Promise<SearchResults> {
  return api<SearchResults>('/api/v2/search', { query: { q, type, limit: 20 } });
}
