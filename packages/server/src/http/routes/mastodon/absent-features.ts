import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/**
 * Lists apps fetch at start-up for features Hashchat does not have. An empty list is the true
 * answer here, not a stand-in: nothing can exist in them until the feature does.
 */
export const absentFeatureRoutes: RouteModule = (app) => {
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
};
