import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { findAccountById } from '../../../store/accounts';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/**
 * Lists apps fetch at start-up for features Hashchat does not have. An empty list is the true
 * answer here, not a stand-in: nothing can exist in them until the feature does.
 */
export const absentFeatureRoutes: RouteModule = (app, ctx) => {
  // No emoji admin yet: an instance without custom emoji answers an empty list.
  app.get('/api/v1/custom_emojis', async () => []);

  // Accounts are never locked, so a follow never waits for approval.
  app.get('/api/v1/follow_requests', async (req) => {
    requireUser(req, 'read:follows');
    return [];
  });

  // Admins have no way to publish announcements yet.
  app.get('/api/v1/announcements', async (req) => {
    requireUser(req, 'read');
    return [];
  });

  // Profiles cannot feature hashtags yet (max_featured_tags is 0 in /api/v1/instance).
  app.get('/api/v1/featured_tags', async (req) => {
    requireUser(req, 'read:accounts');
    return [];
  });
  app.get('/api/v1/accounts/:id/featured_tags', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    const account = await findAccountById(ctx.store.db, id);
    if (!account || account.suspended_at !== null) throw notFound();
    return [];
  });
};
