import { pageParams } from '@hashchat/api/requests/fields';
import { hashtagParams, publicTimelineQuery, tagTimelineQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentTimeline } from '../../../services/moderation/read-filter';
import { tagIdsByNames } from '../../../store/tags';
import { homeTimelineIds, publicTimelineIds, tagTimelineIds } from '../../../store/timelines';
import { optionalUser, requireUser } from '../../auth';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

// Built once: a zod schema compiles its parser on first use, so one made per request costs that each time.

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

  app.get('/api/v1/timelines/tag/:hashtag', async (req, reply) => {
    const { hashtag } = parseRequest(hashtagParams, req.params);
    const q = parseRequest(tagTimelineQuery, req.query);
    const viewer = optionalUser(req, 'read:statuses');
    if (q.remote || q.only_media) return [];
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
    return send(req, reply, `/api/v1/timelines/tag/${encodeURIComponent(hashtag)}`, ids, viewer, 'public');
  });

  app.get('/api/v1/timelines/public', async (req, reply) => {
    const q = parseRequest(publicTimelineQuery, req.query);
    const viewer = optionalUser(req, 'read:statuses');
    if (q.remote || q.only_media) return [];
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
