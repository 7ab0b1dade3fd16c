import type { Filter, FilterContext } from '@hashchat/api/entities/filter';
import { api } from './http';

export interface NewFilter {
  title: string;
  context: FilterContext[];
  filter_action: 'warn' | 'hide' | 'blur';
  /** Seconds; null: never expires. */
  expires_in: number | null;
  keywords_attributes: { keyword: string; whole_word: boolean }[];
}

const filterPath = (id: string) => `/api/v2/filters/${encodeURIComponent(id)}`;

export const getFilters = () => api<Filter[]>('/api/v2/filters');

export const createFilter = (input: NewFilter) =>
  api<Filter>('/api/v2/filters', { method: 'POST', body: input });

export const deleteFilter = (id: string) => api<Record<string, never>>(filterPath(id), { method: 'DELETE' });

export const removeKeyword = (id: string) =>
  api<Record<string, never>>(`/api/v2/filters/keywords/${encodeURIComponent(id)}`, { method: 'DELETE' });
