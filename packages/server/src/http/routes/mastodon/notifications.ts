import { idParam } from '@hashchat/api/requests/fields';
import { notificationsQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { applyToNotifications, loadStatusFilter } from '../../../services/filters';
import { audibleNotifications } from '../../../services/moderation/read-filter';
import { presentNotifications } from '../../../services/notifications';
import {
  clearNotifications,
  dismissNotification,
  findNotification,
  listNotifications,
} from '../../../store/notifications';
import type { NotificationType } from '../../../store/schema';
import { requireUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

export const NOTIFICATION_TYPES = [
  'mention',
  'favourite',
  'reblog',
  'follow',
  'chat_reminder',
  'status',
  'submission_answered',
  'poll',
  'update',
] as const;

export const notificationRoutes: RouteModule = (app, ctx) => {
  const db = ctx.store.db;

  app.get('/api/v1/notifications', async (req, reply) => {
    const me = requireUser(req, 'read:notifications');
    const q = parseRequest(notificationsQuery, req.query);
    const rows = await listNotifications(
      db,
      me,
      {
        types: q.types as NotificationType[],
        excludeTypes: q.exclude_types as NotificationType[],
        fromAccountId: q.account_id,
      },
      pageKeyset(q),
    );
    const [presented, filter] = await Promise.all([
      presentNotifications(ctx, await audibleNotifications(ctx, me, rows), me),
      loadStatusFilter(ctx, me),
    ]);
    const list = applyToNotifications(presented, filter);
    const link = linkHeader(
      ctx.config.publicUrl,
      '/api/v1/notifications',
      req.query as Record<string, unknown>,
      rows.map((r) => Number(r.id)),
    );
    if (link) reply.header('link', link);
    return list;
  });

  app.get('/api/v1/notifications/:id', async (req) => {
    const me = requireUser(req, 'read:notifications');
    const { id } = parseRequest(idParam, req.params);
    const row = await findNotification(db, me, id);
    if (!row) throw notFound();
    const [n] = await presentNotifications(ctx, [row], me);
    if (!n) throw notFound();
    return n;
  });

  app.post('/api/v1/notifications/:id/dismiss', async (req) => {
    const me = requireUser(req, 'write:notifications');
    const { id } = parseRequest(idParam, req.params);
    if (!(await dismissNotification(db, me, id))) throw notFound();
    return {};
  });

  app.post('/api/v1/notifications/clear', async (req) => {
    const me = requireUser(req, 'write:notifications');
    await clearNotifications(db, me);
    return {};
  });
};
