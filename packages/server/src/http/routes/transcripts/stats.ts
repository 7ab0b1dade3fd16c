import { idParam } from '@hashchat/api/requests/fields';
import { chatStatsQuery } from '@hashchat/api/requests/transcripts';
import { parseRequest } from '@hashchat/api/requests/validation';
import { chatStats } from '../../../services/transcripts/chat-stats';
import type { RouteModule } from '../../route-module';

/** A chat's sessions side by side: is it growing? */
export const chatStatsRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/:id/stats', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    const { limit } = parseRequest(chatStatsQuery, req.query);
    return chatStats(ctx, id, limit);
  });
};
