import { idParam } from '@hashchat/api/requests/fields';
import {
  filterCreateBody,
  filterIdParams,
  filterKeywordBody,
  filterKeywordUpdateBody,
  filterStatusBody,
  filterUpdateBody,
  keywordAttribute,
  keywordText,
  MAX_KEYWORD_ATTRIBUTES,
} from '@hashchat/api/requests/filters';
import { parseRequest, validationFailed } from '@hashchat/api/requests/validation';
import { presentFilter, presentV1Filters } from '../../../present/filter';
import {
  addFilterStatus,
  addKeyword,
  changeFilter,
  changeKeyword,
  createFilter,
  filterKeywords,
  filterStatuses,
  getFilter,
  getFilterStatus,
  getKeyword,
  type KeywordInput,
  removeFilter,
  removeFilterStatus,
  removeKeyword,
  viewerFilters,
} from '../../../services/filters';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/**
 * `keywords_attributes` as JSON (an array or an object by index) or as a form
 * (`keywords_attributes[][keyword]=…`, zipped by position, or `keywords_attributes[0][keyword]=…`).
 */
function keywordAttributes(body: unknown): KeywordInput[] {
  const b = (body ?? {}) as Record<string, unknown>;
  let raw: unknown[] = [];
  const direct = b.keywords_attributes;
  if (Array.isArray(direct)) raw = direct;
  else if (direct && typeof direct === 'object') raw = Object.values(direct);
  else {
    const byKey = new Map<string, Record<string, unknown>>();
    // Objects without a prototype: a field named `__proto__` is just a field.
    const set = (k: string, field: string, value: unknown) => {
      const o = byKey.get(k) ?? (Object.create(null) as Record<string, unknown>);
      o[field] = value;
      byKey.set(k, o);
    };
    for (const [k, v] of Object.entries(b)) {
      const m = /^keywords_attributes\[(\d*)\]\[(\w+)\]$/.exec(k);
      if (!m) continue;
      if (m[1] !== '') set(m[1], m[2], v);
      else for (const [i, x] of (Array.isArray(v) ? v : [v]).entries()) set(`@${i}`, m[2], x);
    }
    raw = [...byKey.values()];
  }
  if (raw.length > MAX_KEYWORD_ATTRIBUTES)
    throw validationFailed(`keywords_attributes may name at most ${MAX_KEYWORD_ATTRIBUTES} keywords`);
  return raw.map((r) => {
    const a = parseRequest(keywordAttribute, r);
    const keyword =
      a.keyword === undefined && a.id !== undefined ? undefined : parseRequest(keywordText, a).keyword;
    return { id: a.id, keyword, whole_word: a.whole_word, destroy: a._destroy };
  });
}

/** Mastodon's filters (v2, and v1 read-only): the caller's own only; another account's is a 404. */
export const filterRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v2/filters', async (req) => {
    const me = requireUser(req, 'read:filters');
    return (await viewerFilters(ctx, me)).map(presentFilter);
  });

  app.get('/api/v2/filters/:id', async (req) => {
    const me = requireUser(req, 'read:filters');
    return getFilter(ctx, me, parseRequest(idParam, req.params).id);
  });

  app.post('/api/v2/filters', async (req) => {
    const me = requireUser(req, 'write:filters');
    const input = parseRequest(filterCreateBody, req.body);
    return createFilter(ctx, me, { ...input, keywords: keywordAttributes(req.body) });
  });

  app.put('/api/v2/filters/:id', async (req) => {
    const me = requireUser(req, 'write:filters');
    const { id } = parseRequest(idParam, req.params);
    const input = parseRequest(filterUpdateBody, req.body);
    return changeFilter(ctx, me, id, { ...input, keywords: keywordAttributes(req.body) });
  });

  app.delete('/api/v2/filters/:id', async (req) => {
    const me = requireUser(req, 'write:filters');
    await removeFilter(ctx, me, parseRequest(idParam, req.params).id);
    return {};
  });

  app.get('/api/v2/filters/:filter_id/keywords', async (req) => {
    const me = requireUser(req, 'read:filters');
    return filterKeywords(ctx, me, parseRequest(filterIdParams, req.params).filter_id);
  });

  app.post('/api/v2/filters/:filter_id/keywords', async (req) => {
    const me = requireUser(req, 'write:filters');
    const { filter_id } = parseRequest(filterIdParams, req.params);
    return addKeyword(ctx, me, filter_id, parseRequest(filterKeywordBody, req.body));
  });

  app.get('/api/v2/filters/keywords/:id', async (req) => {
    const me = requireUser(req, 'read:filters');
    return getKeyword(ctx, me, parseRequest(idParam, req.params).id);
  });

  app.put('/api/v2/filters/keywords/:id', async (req) => {
    const me = requireUser(req, 'write:filters');
    const { id } = parseRequest(idParam, req.params);
    return changeKeyword(ctx, me, id, parseRequest(filterKeywordUpdateBody, req.body));
  });

  app.delete('/api/v2/filters/keywords/:id', async (req) => {
    const me = requireUser(req, 'write:filters');
    await removeKeyword(ctx, me, parseRequest(idParam, req.params).id);
    return {};
  });

  app.get('/api/v2/filters/:filter_id/statuses', async (req) => {
    const me = requireUser(req, 'read:filters');
    return filterStatuses(ctx, me, parseRequest(filterIdParams, req.params).filter_id);
  });

  app.post('/api/v2/filters/:filter_id/statuses', async (req) => {
    const me = requireUser(req, 'write:filters');
    const { filter_id } = parseRequest(filterIdParams, req.params);
    return addFilterStatus(ctx, me, filter_id, parseRequest(filterStatusBody, req.body).status_id);
  });

  app.get('/api/v2/filters/statuses/:id', async (req) => {
    const me = requireUser(req, 'read:filters');
    return getFilterStatus(ctx, me, parseRequest(idParam, req.params).id);
  });

  app.delete('/api/v2/filters/statuses/:id', async (req) => {
    const me = requireUser(req, 'write:filters');
    return removeFilterStatus(ctx, me, parseRequest(idParam, req.params).id);
  });

  // v1: each keyword of a v2 filter is one v1 filter (read only: apps from before 4.0 list them).
  app.get('/api/v1/filters', async (req) => {
    const me = requireUser(req, 'read:filters');
    return (await viewerFilters(ctx, me)).flatMap(presentV1Filters);
  });
};
