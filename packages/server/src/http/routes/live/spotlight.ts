import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { changeSpotlight } from '../../../services/live/spotlight';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const body = z.object({
  status_id: z
    .union([z.string().regex(/^\d{1,18}$/, 'is not a status id'), z.number().int().positive()])
    .transform(Number),
});
const statusParams = idParam.extend({
  status_id: z
    .string()
    .refine((v) => /^\d{1,18}$/.test(v), { message: 'Record not found', params: { code: 'NotFound' } })
    .transform(Number),
});

/** Hosts pin statuses to the top of the room, and unpin them. */
export const liveSpotlightRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/sessions/:id/spotlight', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return changeSpotlight(ctx, me, id, parseRequest(body, req.body).status_id, true);
  });

  app.post('/api/v1/sessions/:id/unspotlight', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return changeSpotlight(ctx, me, id, parseRequest(body, req.body).status_id, false);
  });

  app.delete('/api/v1/sessions/:id/spotlight/:status_id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id, status_id } = parseRequest(statusParams, req.params);
    return changeSpotlight(ctx, me, id, status_id, false);
  });
};
