import { directoryQuery } from '@hashchat/api/requests/chats';
import { parseRequest } from '@hashchat/api/requests/validation';
import { directory } from '../../../services/chats/directory';
import { findCategory } from '../../../store/chats';
import { optionalUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** The directory in sections: live now, starting soon, upcoming by day. */
export const directoryRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/directory', async (req) => {
    const q = parseRequest(directoryQuery, req.query);
    const category = q.category ? await findCategory(ctx.store.db, q.category) : null;
    return directory(ctx, {
      // An unknown category matches nothing rather than everything.
      category: q.category ? (category ? Number(category.id) : -1) : null,
      language: q.language ?? null,
      q: q.q?.trim() || null,
      timeZone: q.time_zone,
      days: q.days,
      soonMinutes: q.soon_minutes,
      viewerId: optionalUser(req, 'read'),
    });
  });
};
