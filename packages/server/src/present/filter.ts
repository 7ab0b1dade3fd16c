import type { Filter, FilterContext } from '@hashchat/api/entities/filter';
import type { FilterKeywordRow, FilterStatusRow, FullFilter } from '../store/filters';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const filterContexts = (f: { context: string }) =>
  f.context.split(',').filter(Boolean) as FilterContext[];

export const presentKeyword = (k: FilterKeywordRow) => ({
  id: String(k.id),
  keyword: k.keyword,
  whole_word: Number(k.whole_word) === 1,
});

export const presentFilterStatus = (s: FilterStatusRow) => ({
  id: String(s.id),
  status_id: String(s.status_id),
});

/** Mastodon's Filter entity (v2). */
export const presentFilter = (f: FullFilter): Filter => ({
  id: String(f.id),
  title: f.title,
  context: filterContexts(f),
  expires_at: iso(f.expires_at),
  filter_action: f.filter_action,
  keywords: f.keywords.map(presentKeyword),
  statuses: f.statuses.map(presentFilterStatus),
});

/** Mastodon's V1::Filter: each keyword of a v2 filter on its own (its id is the keyword's). */
export const presentV1Filters = (f: FullFilter) =>
  f.keywords.map((k) => ({
    id: String(k.id),
    phrase: k.keyword,
    context: filterContexts(f),
    expires_at: iso(f.expires_at),
    irreversible: f.filter_action === 'hide',
    whole_word: Number(k.whole_word) === 1,
  }));
