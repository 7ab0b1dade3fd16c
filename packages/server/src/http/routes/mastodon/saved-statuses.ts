import { idParam, pageParams } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { savedStatuses, setBookmark } from '../../../services/saved-statuses';
import type { SavedList } from '../../../store/saved-statuses';
import { requireUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/** `/api/v1/favourites` and `/api/v1/bookmarks` (paged by their own ids, as in Mastodon) and bookmarking. */
export const savedStatusRoutes: RouteModule = (app, ctx) => {
  const lists: [SavedList, string][] = [
    ['favourites', 'read:favourites'],
    ['bookmarks', 'read:bookmarks'],
  ];
  for (const [list, scope] of lists) {
    app.get(`/api/v1/${list}`, async (req, reply) => {
      const me = requireUser(req, scope);
      const q = parseRequest(pageParams, req.query);
      const page = await savedStatuses(ctx, list, me, pageKeyset(q));
      const link = linkHeader(
        ctx.config.publicUrl,
        `/api/v1/${list}`,
        req.query as Record<string, unknown>,
        page.rowIds,
      );
      if (link) reply.header('link', link);
      return page.statuses;
    });
  }

  for (const [path, on] of [
    ['bookmark', true],
    ['unbookmark', false],
  ] as const) {
    app.post(`/api/v1/statuses/:id/${path}`, async (req) => {
      const me = requireUser(req, 'write:bookmarks');
      const { id } = parseRequest(idParam, req.params);
      const s = await setBookmark(ctx, me, id, on);
      if (!s) throw notFound();
      return s;
    });
  }
};
