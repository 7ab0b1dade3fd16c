import { chatPreferencesBody } from '@hashchat/api/requests/chats';
import { parseRequest } from '@hashchat/api/requests/validation';
import { getChatPreferences, setChatPreferences } from '../../../services/chats/preferences';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** The viewer's chat settings: how many minutes before a session to be reminded (0: only when it goes live). */
export const chatPreferenceRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/preferences', async (req) =>
    getChatPreferences(ctx, requireUser(req, 'read:accounts')),
  );

  app.patch('/api/v1/chats/preferences', async (req) => {
    const me = requireUser(req, 'write:accounts');
    const input = parseRequest(chatPreferencesBody, req.body);
    return setChatPreferences(ctx, me, input);
  });
};
