import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import {
  getChatPreferences,
  MAX_REMINDER_MINUTES,
  setChatPreferences,
} from '../../../services/chats/preferences';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** The viewer's chat settings: how many minutes before a session to be reminded (0: only when it goes live). */
export const chatPreferenceRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/preferences', async (req) =>
    getChatPreferences(ctx, requireUser(req, 'read:accounts')),
  );

  app.patch('/api/v1/chats/preferences', async (req) => {
    const me = requireUser(req, 'write:accounts');
    const input = parseRequest(
      z.object({ reminder_minutes: z.coerce.number().int().min(0).max(MAX_REMINDER_MINUTES).optional() }),
      req.body,
    );
    return setChatPreferences(ctx, me, input);
  });
};
