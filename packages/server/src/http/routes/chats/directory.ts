import { parseRequest } from '@hashchat/api/requests/validation';
import { isValidTimeZone } from '@hashchat/core/chat/zone-time';
import { z } from 'zod';
import { directory } from '../../../services/chats/directory';
import { findCategory } from '../../../store/chats';
import { optionalUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const query = z.object({
  category: z.string().max(100).optional(),
  language: z.string().max(10).optional(),
  q: z.string().max(200).optional(),
  time_zone: z.string().max(64).refine(isValidTimeZone, 'is not a known IANA time zone').default('UTC'),
  days: z.coerce.number().int().min(1).max(31).default(7),
  soon_minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});

/** The directory in sections: live now, starting soon, upcoming by day. */
export const directoryRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/directory', async (req) => {
    const q = parseRequest(query, req.query);
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
