import type { FilterContext, FilterResult } from '@hashchat/api/entities/filter';
import { validationFailed } from '@hashchat/api/requests/validation';
import { userTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import { htmlToText, matchingKeywords } from '@hashchat/core/text/filter-match';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import { filterContexts, presentFilter, presentFilterStatus, presentKeyword } from '../present/filter';
import { appendEvents } from '../store/events';
import {
  countFilterStatuses,
  countFilters,
  countKeywords,
  deleteFilter,
  deleteFilterStatus,
  deleteKeyword,
  type FullFilter,
  filtersOf,
  findFilterStatus,
  findKeyword,
  insertFilter,
  insertFilterStatus,
  insertKeyword,
  updateFilter,
  updateKeyword,
} from '../store/filters';
import type { Database, FilterAction } from '../store/schema';
import { publishEvents } from './publish';
import { loadVisibleStatus } from './visibility';

/** Limits per account and per filter. */
export const FILTER_LIMITS = { filters: 100, keywords: 100, statuses: 100 } as const;

export interface KeywordInput {
  id?: number;
  keyword?: string;
  whole_word?: boolean;
  destroy?: boolean;
}
export interface FilterInput {
  title?: string;
  context?: FilterContext[];
  filter_action?: FilterAction;
  /** Seconds from now; null: never expires. */
  expires_in?: number | null;
  keywords?: KeywordInput[];
}

/** The viewer's filter by an id from outside: another account's, or none, is a 404. */
async function ownFilter(ctx: Context, viewerId: number, id: number, db: Kysely<Database> = ctx.store.db) {
  const [f] = await filtersOf(db, viewerId, { id });
  if (!f) throw notFound();
  return f;
}

export async function viewerFilters(ctx: Context, viewerId: number): Promise<FullFilter[]> {
  return filtersOf(ctx.store.db, viewerId);
}

export async function getFilter(ctx: Context, viewerId: number, id: number) {
  return presentFilter(await ownFilter(ctx, viewerId, id));
}

/**
 * Runs a change to the viewer's filters in one transaction and hands their open streams the
 * filters as they now are, in stream order: the next status is filtered by them.
 */
async function change<T>(
  ctx: Context,
  viewerId: number,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const { out, stored } = await ctx.store.db.transaction().execute(async (trx) => {
    const out = await work(trx);
    const payload = JSON.stringify(await filtersOf(trx, viewerId));
    const stored = await appendEvents(
      trx,
      ctx.store.dialect,
      [{ event: 'hashchat.filters', payload, accountId: null, topics: [userTopic(viewerId)] }],
      ctx.now(),
    );
    return { out, stored };
  });
  await publishEvents(ctx, stored);
  return out;
}

const expiresAt = (ctx: Context, seconds: number | null | undefined) =>
  seconds === undefined ? undefined : seconds === null ? null : ctx.now() + seconds * 1000;

export async function createFilter(
  ctx: Context,
  viewerId: number,
  input: FilterInput & { title: string; context: FilterContext[] },
) {
  const keywords = (input.keywords ?? []).filter((k) => !k.destroy);
  if (keywords.length > FILTER_LIMITS.keywords) throw tooMany('keywords', FILTER_LIMITS.keywords);
  return change(ctx, viewerId, async (trx) => {
    if ((await countFilters(trx, viewerId)) >= FILTER_LIMITS.filters)
      throw validationFailed(`You cannot have more than ${FILTER_LIMITS.filters} filters`);
    const now = ctx.now();
    const f = await insertFilter(trx, {
      account_id: viewerId,
      title: input.title,
      context: input.context.join(','),
      filter_action: input.filter_action ?? 'warn',
      expires_at: expiresAt(ctx, input.expires_in) ?? null,
      created_at: now,
    });
    for (const k of keywords) {
      if (!k.keyword) throw validationFailed("keyword can't be blank");
      await insertKeyword(trx, {
        filter_id: f.id,
        keyword: k.keyword,
        whole_word: k.whole_word ? 1 : 0,
        created_at: now,
      });
    }
    return presentFilter(await ownFilter(ctx, viewerId, Number(f.id), trx));
  });
}

/** Changes a filter; `keywords` adds (no id), changes (id) or removes (id and destroy) keywords. */
export async function changeFilter(ctx: Context, viewerId: number, id: number, input: FilterInput) {
  await ownFilter(ctx, viewerId, id);
  return change(ctx, viewerId, async (trx) => {
    await updateFilter(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.context !== undefined ? { context: input.context.join(',') } : {}),
      ...(input.filter_action !== undefined ? { filter_action: input.filter_action } : {}),
      ...(input.expires_in !== undefined ? { expires_at: expiresAt(ctx, input.expires_in) } : {}),
    });
    const now = ctx.now();
    for (const k of input.keywords ?? []) {
      if (k.id !== undefined && k.destroy) await deleteKeyword(trx, id, k.id);
      else if (k.id !== undefined) {
        const changed = await updateKeyword(trx, id, k.id, {
          ...(k.keyword !== undefined ? { keyword: k.keyword } : {}),
          ...(k.whole_word !== undefined ? { whole_word: k.whole_word ? 1 : 0 } : {}),
        });
        if (!changed) throw notFound();
      } else if (!k.destroy) {
        if (!k.keyword) throw validationFailed("keyword can't be blank");
        await insertKeyword(trx, {
          filter_id: id,
          keyword: k.keyword,
          whole_word: k.whole_word ? 1 : 0,
          created_at: now,
        });
      }
    }
    if ((await countKeywords(trx, id)) > FILTER_LIMITS.keywords)
      throw tooMany('keywords', FILTER_LIMITS.keywords);
    return presentFilter(await ownFilter(ctx, viewerId, id, trx));
  });
}

export async function removeFilter(ctx: Context, viewerId: number, id: number) {
  await ownFilter(ctx, viewerId, id);
  await change(ctx, viewerId, (trx) => deleteFilter(trx, id));
}

export async function filterKeywords(ctx: Context, viewerId: number, filterId: number) {
  return (await ownFilter(ctx, viewerId, filterId)).keywords.map(presentKeyword);
}

export async function addKeyword(
  ctx: Context,
  viewerId: number,
  filterId: number,
  k: { keyword: string; whole_word: boolean },
) {
  await ownFilter(ctx, viewerId, filterId);
  return change(ctx, viewerId, async (trx) => {
    if ((await countKeywords(trx, filterId)) >= FILTER_LIMITS.keywords)
      throw tooMany('keywords', FILTER_LIMITS.keywords);
    const row = await insertKeyword(trx, {
      filter_id: filterId,
      keyword: k.keyword,
      whole_word: k.whole_word ? 1 : 0,
      created_at: ctx.now(),
    });
    return presentKeyword(row);
  });
}

async function ownKeyword(ctx: Context, viewerId: number, id: number) {
  const k = await findKeyword(ctx.store.db, id);
  if (!k || Number(k.account_id) !== viewerId) throw notFound();
  return k;
}

export async function getKeyword(ctx: Context, viewerId: number, id: number) {
  return presentKeyword(await ownKeyword(ctx, viewerId, id));
}

export async function changeKeyword(
  ctx: Context,
  viewerId: number,
  id: number,
  k: { keyword?: string; whole_word?: boolean },
) {
  const row = await ownKeyword(ctx, viewerId, id);
  await change(ctx, viewerId, (trx) =>
    updateKeyword(trx, Number(row.filter_id), id, {
      ...(k.keyword !== undefined ? { keyword: k.keyword } : {}),
      ...(k.whole_word !== undefined ? { whole_word: k.whole_word ? 1 : 0 } : {}),
    }),
  );
  return presentKeyword((await findKeyword(ctx.store.db, id))!);
}

export async function removeKeyword(ctx: Context, viewerId: number, id: number) {
  const row = await ownKeyword(ctx, viewerId, id);
  await change(ctx, viewerId, (trx) => deleteKeyword(trx, Number(row.filter_id), id));
}

export async function filterStatuses(ctx: Context, viewerId: number, filterId: number) {
  return (await ownFilter(ctx, viewerId, filterId)).statuses.map(presentFilterStatus);
}

/** Adds a status the viewer may see to their filter (422 when it is there already). */
export async function addFilterStatus(ctx: Context, viewerId: number, filterId: number, statusId: number) {
  await ownFilter(ctx, viewerId, filterId);
  await loadVisibleStatus(ctx, viewerId, statusId);
  return change(ctx, viewerId, async (trx) => {
    if ((await countFilterStatuses(trx, filterId)) >= FILTER_LIMITS.statuses)
      throw tooMany('statuses', FILTER_LIMITS.statuses);
    const row = await insertFilterStatus(trx, {
      filter_id: filterId,
      status_id: statusId,
      created_at: ctx.now(),
    });
    if (!row) throw validationFailed('Status has already been taken');
    return presentFilterStatus(row);
  });
}

async function ownFilterStatus(ctx: Context, viewerId: number, id: number) {
  const s = await findFilterStatus(ctx.store.db, id);
  if (!s || Number(s.account_id) !== viewerId) throw notFound();
  return s;
}

export async function getFilterStatus(ctx: Context, viewerId: number, id: number) {
  return presentFilterStatus(await ownFilterStatus(ctx, viewerId, id));
}

export async function removeFilterStatus(ctx: Context, viewerId: number, id: number) {
  const row = await ownFilterStatus(ctx, viewerId, id);
  await change(ctx, viewerId, (trx) => deleteFilterStatus(trx, id));
  return presentFilterStatus(row);
}

const tooMany = (what: string, max: number) => validationFailed(`A filter may have at most ${max} ${what}`);

// ——— Applying filters (the read pipeline's rules step, and streams) ———

/** What a status looks like to the filter: the fields of the Status entity it reads. */
interface FilterableStatus {
  id: string;
  content: string;
  spoiler_text: string;
  filtered?: FilterResult[];
  media_attachments?: { description?: string | null }[];
  poll?: { options: { title: string }[] } | null;
  reblog?: FilterableStatus | null;
}

/**
 * Decides, for a viewer's active filters, what happens to a status in a context: `hide` (left
 * out), or the FilterResults to show on it (empty: untouched). Keyword patterns are built once.
 */
export type StatusFilter = (
  s: FilterableStatus,
  context: FilterContext,
) => { hide: boolean; results: FilterResult[] };

/** The viewer's active filters as a StatusFilter; null when they have none (nothing to do). */
export async function loadStatusFilter(ctx: Context, viewerId: number | null): Promise<StatusFilter | null> {
  if (viewerId === null) return null;
  return compileStatusFilter(await filtersOf(ctx.store.db, viewerId, { activeAt: ctx.now() }), ctx.now);
}

/** Filters as a StatusFilter (each stops applying once it expires); null when there are none. */
export function compileStatusFilter(filters: FullFilter[], now: () => number): StatusFilter | null {
  if (filters.length === 0) return null;
  const compiled = filters.map((f) => ({
    expiresAt: f.expires_at === null ? null : Number(f.expires_at),
    entity: presentFilter(f),
    action: f.filter_action,
    contexts: new Set(filterContexts(f)),
    keywords: f.keywords.map((k) => ({ keyword: k.keyword, wholeWord: Number(k.whole_word) === 1 })),
    statuses: new Map(f.statuses.map((s) => [String(s.status_id), String(s.id)])),
  }));
  return (s, context) => {
    const proper = s.reblog ?? s;
    let text: string | null = null;
    const results: FilterResult[] = [];
    let hide = false;
    for (const f of compiled) {
      if (!f.contexts.has(context) || (f.expiresAt !== null && f.expiresAt <= now())) continue;
      const statusMatches = [proper.id, s.id]
        .filter((id) => f.statuses.has(id))
        .map((id) => f.statuses.get(id)!);
      let keywordMatches: string[] = [];
      if (f.keywords.length > 0) {
        text ??= searchableText(proper);
        keywordMatches = matchingKeywords(f.keywords, text);
      }
      if (statusMatches.length === 0 && keywordMatches.length === 0) continue;
      if (f.action === 'hide') hide = true;
      results.push({
        filter: f.entity,
        keyword_matches: keywordMatches.length > 0 ? keywordMatches : null,
        status_matches: statusMatches.length > 0 ? [...new Set(statusMatches)] : null,
      });
    }
    return { hide, results };
  };
}

/** Mastodon matches keywords against the spoiler, the text, poll options and image descriptions. */
function searchableText(s: FilterableStatus): string {
  return [
    s.spoiler_text,
    htmlToText(s.content),
    ...(s.poll?.options.map((o) => o.title) ?? []),
    ...(s.media_attachments?.map((m) => m.description ?? '') ?? []),
  ].join('\n\n');
}

/** Applies a StatusFilter to presented statuses: hidden ones go, warned ones carry `filtered`. */
export function applyStatusFilter<T extends FilterableStatus>(
  statuses: T[],
  filter: StatusFilter | null,
  context: FilterContext,
): T[] {
  if (!filter) return statuses;
  const out: T[] = [];
  for (const s of statuses) {
    const { hide, results } = filter(s, context);
    if (hide) continue;
    if (results.length === 0) out.push(s);
    else
      out.push({
        ...s,
        filtered: results,
        ...(s.reblog ? { reblog: { ...s.reblog, filtered: results } } : {}),
      });
  }
  return out;
}

/** Applies a StatusFilter to notifications: one whose status is hidden goes, a warned one's status carries `filtered`. */
export function applyToNotifications<T extends { status?: FilterableStatus }>(
  list: T[],
  filter: StatusFilter | null,
): T[] {
  if (!filter) return list;
  const out: T[] = [];
  for (const n of list) {
    if (!n.status) {
      out.push(n);
      continue;
    }
    const [status] = applyStatusFilter([n.status], filter, 'notifications');
    if (status) out.push({ ...n, status });
  }
  return out;
}

/** The context a stream's event is filtered in: notifications, or the stream's timeline. */
function streamContext(event: string, stream: string | undefined): FilterContext | null {
  if (event === 'notification') return 'notifications';
  if (event !== 'update' && event !== 'status.update') return null;
  if (stream === 'user' || stream === 'list') return 'home';
  if (stream?.startsWith('public') || stream?.startsWith('hashtag')) return 'public';
  return null;
}

/**
 * A stream event through the viewer's filters: null to drop it (hide), the event itself when no
 * filter matches (its shared frames are kept), or a copy whose status carries `filtered`.
 */
export function filterStreamEvent<E extends { event: string; payload: string }>(
  filter: StatusFilter,
  stream: string | undefined,
  e: E,
): E | null {
  const context = streamContext(e.event, stream);
  if (!context) return e;
  if (context === 'notifications') {
    const n = JSON.parse(e.payload) as { status?: FilterableStatus };
    if (!n.status) return e;
    const { hide, results } = filter(n.status, context);
    if (hide) return null;
    if (results.length === 0) return e;
    return { ...e, payload: JSON.stringify(applyToNotifications([n], filter)[0]) };
  }
  const s = JSON.parse(e.payload) as FilterableStatus;
  const { hide, results } = filter(s, context);
  if (hide) return null;
  if (results.length === 0) return e;
  return { ...e, payload: JSON.stringify(applyStatusFilter([s], filter, context)[0]) };
}
