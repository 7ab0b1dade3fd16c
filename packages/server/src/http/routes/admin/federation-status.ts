import { federationStatusQuery } from '@hashchat/api/requests/admin';
import { parseRequest } from '@hashchat/api/requests/validation';
import { federationStatus } from '../../../services/federation/status';
import { requireAdminUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** Delivery health for admins (our extension): queue depth and outcomes per remote server. */
export const federationStatusRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/admin/federation/status', async (req) => {
    const me = requireAdminUser(req, 'admin:read');
    const q = parseRequest(federationStatusQuery, req.query);
    return federationStatus(ctx, me, q.limit);
  });
};
