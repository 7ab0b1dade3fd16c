import { MOST_TRENDS, trendsQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import type { FastifyRequest } from 'fastify';
import { presentTimeline } from '../../../services/moderation/read-filter';
import { presentTag } from '../../../services/tag-views';
import { DAY_MS, type TagRef, trendingTags } from '../../../store/tags';
import { trendingStatusIds } from '../../../store/timelines';
import { optionalUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const WINDOW_DAYS = 7;
const MOST = MOST_TRENDS;
/** Trends change slowly and rank a week of posts: computed at most once a minute per process. */
const FRESH_MS = 60_000;

/** `/api/v1/trends/tags`: the week's most used hashtags, each with its 7-day history. */
export const trendRoutes: RouteModule = (app, ctx) => {
  let cached: { at: number; tags: TagRef[] } | null = null;

  const handler = async (req: FastifyRequest) => {
    const q = parseRequest(trendsQuery, req.query);
    const now = ctx.now();
    if (!cached || now - cached.at >= FRESH_MS)
      cached = { at: now, tags: await trendingTags(ctx.store.db, now - WINDOW_DAYS * DAY_MS, MOST) };
    const viewer = optionalUser(req, 'read');
    const page = cached.tags.slice(q.offset, q.offset + q.limit);
    return Promise.all(page.map((t) => presentTag(ctx, t, viewer)));
  };
  app.get('/api/v1/trends/tags', handler);
  // The path Mastodon 3.x apps still call.
  app.get('/api/v1/trends', handler);

  // The week's public statuses by favourites and boosts (Phanpy's "Trending" page asks at start).
  app.get('/api/v1/trends/statuses', async (req) => {
    const q = parseRequest(trendsQuery, req.query);
    const viewer = optionalUser(req, 'read');
    const ids = await trendingStatusIds(ctx.store.db, ctx.now() - WINDOW_DAYS * DAY_MS, q.limit, q.offset);
    return presentTimeline(ctx, ids, viewer, 'public');
  });

  // Hashchat makes no link preview cards (every status's `card` is null), so no link trends.
  app.get('/api/v1/trends/links', async () => []);
};
