import { notFound } from '@hashchat/core/errors';
import { z } from 'zod';
import { audibleNotifications } from '../../../services/moderation/read-filter';
import { presentNotifications } from '../../../services/notifications';
import { requireUser } from '../../auth';
import { idParam, stringList } from '../../fields';
import { linkHeader, pageParams } from '../../pagination';
import { parse } from '../../params';
import type { RouteModule } from '../../routes';

export const NOTIFICATION_TYPES = [
  'mention',
  'favourite',
  'reblog',
  'follow',
  'chat_reminder',
  'status',
  'submission_answered',
] as const;

export const notificationRoutes: RouteModule = (app, ctx) => {
  const db = ctx.store.db;

  app.get('/api/v1/notifications', async (req, reply) => {
    const me = requireUser(req, 'read:notifications');
    const q = parse(
      pageParams.extend({
        types: stringList,
        exclude_types: stringList,
        account_id: z.coerce.number().int().optional(),
      }),
      req.query,
    );
    let sel = db.selectFrom('notifications').selectAll().where('account_id', '=', me);
    if (q.types.length > 0) sel = sel.where('type', 'in', q.types as (typeof NOTIFICATION_TYPES)[number][]);
    if (q.exclude_types.length > 0)
      sel = sel.where('type', 'not in', q.exclude_types as (typeof NOTIFICATION_TYPES)[number][]);
    if (q.account_id) sel = sel.where('from_account_id', '=', q.account_id);
    if (q.max_id) sel = sel.where('id', '<', q.max_id);
    if (q.since_id) sel = sel.where('id', '>', q.since_id);
    const asc = q.min_id !== undefined;
    if (asc) sel = sel.where('id', '>', q.min_id!);
    const rows = await sel
      .orderBy('id', asc ? 'asc' : 'desc')
      .limit(q.limit)
      .execute();
    if (asc) rows.reverse();
    const list = await presentNotifications(ctx, await audibleNotifications(ctx, me, rows), me);
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
    const { id } = parse(idParam, req.params);
    const row = await db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where('account_id', '=', me)
      .executeTakeFirst();
    if (!row) throw notFound();
    const [n] = await presentNotifications(ctx, [row], me);
    if (!n) throw notFound();
    return n;
  });

  app.post('/api/v1/notifications/:id/dismiss', async (req) => {
    const me = requireUser(req, 'write:notifications');
    const { id } = parse(idParam, req.params);
    const res = await db
      .deleteFrom('notifications')
      .where('id', '=', id)
      .where('account_id', '=', me)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound();
    return {};
  });

  app.post('/api/v1/notifications/clear', async (req) => {
    const me = requireUser(req, 'write:notifications');
    await db.deleteFrom('notifications').where('account_id', '=', me).execute();
    return {};
  });
};
