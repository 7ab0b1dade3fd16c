import { coHostBody, coHostParams } from '@hashchat/api/requests/chats';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { addCoHost, followChat, removeCoHost, unfollowChat } from '../../../services/chats/chats';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** Following a chat (reminders, the personal calendar) and managing its co-hosts. */
export const chatMemberRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/chats/:id/follow', async (req) => {
    const me = requireUser(req, 'write:follows');
    return followChat(ctx, me, parseRequest(idParam, req.params).id);
  });

  app.post('/api/v1/chats/:id/unfollow', async (req) => {
    const me = requireUser(req, 'write:follows');
    return unfollowChat(ctx, me, parseRequest(idParam, req.params).id);
  });

  app.post('/api/v1/chats/:id/co_hosts', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return addCoHost(ctx, me, id, parseRequest(coHostBody, req.body).account_id);
  });

  app.delete('/api/v1/chats/:id/co_hosts/:account_id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const p = parseRequest(coHostParams, req.params);
    return removeCoHost(ctx, me, p.id, p.account_id);
  });
};
