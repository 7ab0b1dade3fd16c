import { pageParams } from '@hashchat/api/requests/fields';
import { hashtagParams, publicTimelineQuery, tagTimelineQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentTimeline } from '../../../services/moderation/read-filter';
import { hotPublicPage, hotTagPage, pageForViewer, type SharedPage } from '../../../services/timeline-pages';
import { tagIdsByNames } from '../../../store/tags';
import { homeTimelineIds, publicTimelineIds, tagTimelineIds } from '../../../store/timelines';
import { optionalUser, requireUser } from '../../auth';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

// Built once: a zod schema compiles its parser on first use, so one made per request costs that each time.

/**
 * The limit of a request whose query is nothing or `limit` alone, as the page schema would read
 * it (default 20, at most 40); null for anything else (the schema decides).
 */
function plainFirstPage(query: unknown): number | null {
  const q = query as Record<string, unknown>;
  let limit = 20;
  for (const key in q) {
    const v = q[key];
    if (key !== 'limit' || typeof v !== 'string' || !/^[0-9]{1,6}$/.test(v) || Number(v) < 1) return null;
    limit = Math.min(Number(v), 40);
  }
  return limit;
}

/** No cursor: the newest page, the one everyone reads. */
const isFirstPage = (q: { max_id?: number; since_id?: number; min_id?: number }) =>
  q.max_id === undefined && q.since_id === undefined && q.min_id === undefined;

export const timelineRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;
  const db = ctx.store.db;

  async function send(
    req: FastifyRequest,
    reply: FastifyReply,
    path: string,
    ids: number[],
    viewer: number | null,
    context: 'home' | 'public',
  ) {
    const statuses = await presentTimeline(ctx, ids, viewer, context);
    const link = linkHeader(base, path, req.query as Record<string, unknown>, ids);
    if (link) reply.header('link', link);
    return statuses;
  }

  /** A shared first page (services/timeline-pages.ts) as this viewer sees it; false where it cannot say. */
  async function sendShared(
    req: FastifyRequest,
    reply: FastifyReply,
    path: string,
    page: SharedPage,
    viewer: number | null,
  ): Promise<boolean> {
    const body = await pageForViewer(ctx, page, viewer);
    if (body === null) return false;
    const link = linkHeader(base, path, req.query as Record<string, unknown>, page.ids);
    if (link) reply.header('link', link);
    // Not the reply itself: it is thenable, so an async function returning it waits for the response.
    reply.type('application/json; charset=utf-8').send(body);
    return true;
  }

  async function tagIds(names: string[]): Promise<number[]> {
    const normalized = [...new Set(names.map(normalizeTag))];
    // Known tags from the store's cache (tags are never renamed or deleted); the rest are read.
    const known: number[] = [];
    const unknown: string[] = [];
    for (const n of normalized) {
      const hit = ctx.store.tagIds.get(n);
      if (hit) known.push(hit.id);
      else unknown.push(n);
    }
    return unknown.length === 0 ? known : [...known, ...(await tagIdsByNames(db, unknown))];
  }

  /** The shared first page of a hashtag already known, sent; false where it cannot answer. */
  async function sendTagPage(
    req: FastifyRequest,
    reply: FastifyReply,
    hashtag: string,
    limit: number,
    viewer: number | null,
  ): Promise<boolean> {
    const name = normalizeTag(hashtag.replace(/^[#＃]/, ''));
    const known = ctx.store.tagIds.get(name);
    if (!known) return false;
    const page = await hotTagPage(ctx, { id: known.id, name }, limit, () =>
      tagTimelineIds(db, { any: [known.id], all: [], none: [] }, { limit }),
    );
    return sendShared(req, reply, `/api/v1/timelines/tag/${encodeURIComponent(hashtag)}`, page, viewer);
  }

  app.get('/api/v1/timelines/tag/:hashtag', async (req, reply) => {
    // The page everyone reads (`?limit=n` or nothing) skips the schemas: what they would make of it is plain.
    const simple = plainFirstPage(req.query);
    const raw = (req.params as { hashtag?: unknown }).hashtag;
    if (simple !== null && typeof raw === 'string' && raw.length >= 1 && raw.length <= 200) {
      if (await sendTagPage(req, reply, raw, simple, optionalUser(req, 'read:statuses'))) return reply;
    }
    const { hashtag } = parseRequest(hashtagParams, req.params);
    const q = parseRequest(tagTimelineQuery, req.query);
    const viewer = optionalUser(req, 'read:statuses');
    if (q.remote || q.only_media) return [];
    const path = `/api/v1/timelines/tag/${encodeURIComponent(hashtag)}`;
    if (simple === null && isFirstPage(q) && q.any.length + q.all.length + q.none.length === 0) {
      if (await sendTagPage(req, reply, hashtag, q.limit, viewer)) return reply;
    }
    const [anyIds, allIds, noneIds] = await Promise.all([
      tagIds([hashtag.replace(/^[#＃]/, ''), ...q.any]),
      tagIds(q.all),
      tagIds(q.none),
    ]);
    // An `all[]` tag nobody has used can match nothing.
    if (q.all.length > 0 && allIds.length < new Set(q.all.map(normalizeTag)).size) return [];
    const ids = await tagTimelineIds(
      db,
      { any: anyIds, all: allIds, none: noneIds },
      { maxId: q.max_id, sinceId: q.since_id, minId: q.min_id, limit: q.limit },
    );
    return send(req, reply, path, ids, viewer, 'public');
  });

  app.get('/api/v1/timelines/public', async (req, reply) => {
    const simple = plainFirstPage(req.query);
    const viewer = optionalUser(req, 'read:statuses');
    const hot = async (limit: number) => {
      const page = await hotPublicPage(ctx, limit, () => publicTimelineIds(db, { limit }));
      return sendShared(req, reply, '/api/v1/timelines/public', page, viewer);
    };
    if (simple !== null && (await hot(simple))) return reply;
    const q = parseRequest(publicTimelineQuery, req.query);
    if (q.remote || q.only_media) return [];
    if (simple === null && isFirstPage(q) && (await hot(q.limit))) return reply;
    const ids = await publicTimelineIds(db, {
      maxId: q.max_id,
      sinceId: q.since_id,
      minId: q.min_id,
      limit: q.limit,
    });
    return send(req, reply, '/api/v1/timelines/public', ids, viewer, 'public');
  });

  app.get('/api/v1/timelines/home', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const q = parseRequest(pageParams, req.query);
    const ids = await homeTimelineIds(db, me, {
      maxId: q.max_id,
      sinceId: q.since_id,
      minId: q.min_id,
      limit: q.limit,
    });
    return send(req, reply, '/api/v1/timelines/home', ids, me, 'home');
  });
};
