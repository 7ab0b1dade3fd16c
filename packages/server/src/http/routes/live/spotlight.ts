import { idParam } from '@hashchat/api/requests/fields';
import { spotlightBody, spotlightStatusParams } from '@hashchat/api/requests/live';
import { parseRequest } from '@hashchat/api/requests/validation';
import { changeSpotlight } from '../../../services/live/spotlight';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** Hosts pin statuses to the top of the room, and unpin them. */
export const liveSpotlightRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/sessions/:id/spotlight', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return changeSpotlight(ctx, me, id, parseRequest(spotlightBody, req.body).status_id, true);
  });

  app.post('/api/v1/sessions/:id/unspotlight', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return changeSpotlight(ctx, me, id, parseRequest(spotlightBody, req.body).status_id, false);
  });

  app.delete('/api/v1/sessions/:id/spotlight/:status_id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id, status_id } = parseRequest(spotlightStatusParams, req.params);
    return changeSpotlight(ctx, me, id, status_id, false);
  });
};
