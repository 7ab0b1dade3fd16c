import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/**
 * `/api/v1/preferences`: the defaults apps pre-fill in their composer. Hashchat has no per-account
 * posting preferences yet, so these are the server's own defaults (what a status gets when the
 * app sends nothing).
 */
export const preferenceRoutes: RouteModule = (app) => {
  app.get('/api/v1/preferences', async (req) => {
    requireUser(req, 'read:accounts');
    return {
      'posting:default:visibility': 'public',
      'posting:default:sensitive': false,
      'posting:default:language': null,
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    };
  });
};
