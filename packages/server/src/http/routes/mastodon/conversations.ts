import { idParam, pageParams } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { readConversation, removeConversation, viewerConversations } from '../../../services/conversations';
import { requireUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/** Mastodon's conversations: the caller's direct statuses grouped by who is in them (another's is a 404). */
export const conversationRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/conversations', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const q = parseRequest(pageParams, req.query);
    const { conversations, cursor } = await viewerConversations(ctx, me, pageKeyset(q));
    const link = linkHeader(
      ctx.config.publicUrl,
      '/api/v1/conversations',
      req.query as Record<string, unknown>,
      cursor,
    );
    if (link) reply.header('link', link);
    return conversations;
  });

  app.post('/api/v1/conversations/:id/read', async (req) => {
    const me = requireUser(req, 'write:conversations');
    return readConversation(ctx, me, parseRequest(idParam, req.params).id);
  });

  app.delete('/api/v1/conversations/:id', async (req) => {
    const me = requireUser(req, 'write:conversations');
    await removeConversation(ctx, me, parseRequest(idParam, req.params).id);
    return {};
  });
};
