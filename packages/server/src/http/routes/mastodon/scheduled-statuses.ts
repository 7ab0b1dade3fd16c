import { idParam, pageParams } from '@hashchat/api/requests/fields';
import { scheduledStatusUpdateBody } from '@hashchat/api/requests/statuses';
import { parseRequest } from '@hashchat/api/requests/validation';
import {
  cancelScheduled,
  getScheduled,
  listScheduled,
  rescheduleStatus,
} from '../../../services/scheduled-statuses';
import { requireUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/** Mastodon's /api/v1/scheduled_statuses: the caller's own only; anyone else's is a 404. */
export const scheduledStatusRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/scheduled_statuses', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const q = parseRequest(pageParams, req.query);
    const list = await listScheduled(ctx, me, pageKeyset(q));
    const link = linkHeader(
      ctx.config.publicUrl,
      '/api/v1/scheduled_statuses',
      req.query as Record<string, unknown>,
      list.map((s) => s.id),
    );
    if (link) reply.header('link', link);
    return list;
  });

  app.get('/api/v1/scheduled_statuses/:id', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id } = parseRequest(idParam, req.params);
    return getScheduled(ctx, me, id);
  });

  app.put('/api/v1/scheduled_statuses/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const { scheduled_at } = parseRequest(scheduledStatusUpdateBody, req.body);
    if (scheduled_at === null) return getScheduled(ctx, me, id);
    return rescheduleStatus(ctx, me, id, scheduled_at);
  });

  app.delete('/api/v1/scheduled_statuses/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    await cancelScheduled(ctx, me, id);
    return {};
  });
};
