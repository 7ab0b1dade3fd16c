import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { chatStats } from '../../../services/transcripts/chat-stats';
import type { RouteModule } from '../../route-module';

const statsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .transform((n) => Math.min(n, 500)),
});

/** A chat's sessions side by side: is it growing? */
export const chatStatsRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/:id/stats', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    const { limit } = parseRequest(statsQuery, req.query);
    return chatStats(ctx, id, limit);
  });
};
