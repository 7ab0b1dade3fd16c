import { formBool, idParam, pageParams } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { listAcknowledgements } from '../../../services/live/acknowledgements';
import { liveState } from '../../../services/live/live-state';
import { readRoom } from '../../../services/live/room';
import { optionalUser, requireUser } from '../../auth';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

const roomQuery = pageParams.extend({
  only: z.enum(['hosts', 'all']).optional(),
  question: z.coerce.number().int().min(0).max(999).optional(),
  console: formBool.optional(),
});

/** The room of a session, its live state in one read, and the hosts' acknowledgement list. */
export const liveRoomRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/room', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const q = parseRequest(roomQuery, req.query);
    const viewer = optionalUser(req, 'read:statuses');
    if (q.console) requireUser(req, 'read:statuses');
    const statuses = await readRoom(ctx, id, viewer, {
      only: q.only === 'hosts' ? 'hosts' : null,
      question: q.question ?? null,
      console: q.console ?? false,
      maxId: q.max_id ?? null,
      sinceId: q.since_id ?? null,
      minId: q.min_id ?? null,
      limit: q.limit,
    });
    const link = linkHeader(
      ctx.config.publicUrl,
      `/api/v1/sessions/${id}/room`,
      req.query as Record<string, unknown>,
      statuses.map((s) => s.id),
    );
    if (link) reply.header('link', link);
    return statuses;
  });

  app.get('/api/v1/sessions/:id/live', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return liveState(ctx, id, optionalUser(req, 'read:statuses'));
  });

  app.get('/api/v1/sessions/:id/acknowledgements', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id } = parseRequest(idParam, req.params);
    return listAcknowledgements(ctx, me, id);
  });
};
