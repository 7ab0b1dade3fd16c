import { idParam, pageParams } from '@hashchat/api/requests/fields';
import { statusCreateBody } from '@hashchat/api/requests/statuses';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { serializeAccount } from '../../../present/account';
import { applyStatusFilter, loadStatusFilter } from '../../../services/filters';
import { favourite, reblog, unfavourite, unreblog } from '../../../services/interactions';
import { pinStatus, unpinStatus } from '../../../services/pins';
import { scheduleStatus } from '../../../services/scheduled-statuses';
import { statusContext } from '../../../services/status-context';
import { presentStatus, presentStatuses } from '../../../services/status-views';
import { createStatus, deleteStatus } from '../../../services/statuses';
import { loadVisibleStatus } from '../../../services/visibility';
import { findAccountsByIds } from '../../../store/accounts';
import { favouritedByIds, rebloggedByIds } from '../../../store/interactions';
import { optionalUser, requireUser } from '../../auth';
import { linkHeader } from '../../pagination';
import { refuseUnsupported } from '../../params';
import type { RouteModule } from '../../route-module';
import { pollFromBody } from '../../status-extras';

export const statusRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;

  app.post('/api/v1/statuses', async (req, reply) => {
    const me = requireUser(req, 'write:statuses');
    const input = parseRequest(statusCreateBody, req.body);
    const poll = pollFromBody(req.body);
    if (input.scheduled_at !== null) {
      // A scheduled status keeps no images yet: say so rather than post it without them.
      refuseUnsupported(req.body, ['media_ids']);
      return scheduleStatus(
        ctx,
        me,
        {
          text: input.status,
          poll: poll && {
            options: poll.options,
            expires_in: poll.expiresIn,
            multiple: poll.multiple,
            hide_totals: poll.hideTotals,
          },
          sensitive: input.sensitive,
          spoiler_text: input.spoiler_text,
          visibility: input.visibility,
          in_reply_to_id: input.in_reply_to_id,
          language: input.language ?? null,
        },
        input.scheduled_at,
      );
    }
    const key = req.headers['idempotency-key'];
    const result = await createStatus(
      ctx,
      me,
      {
        status: input.status,
        inReplyToId: input.in_reply_to_id,
        visibility: input.visibility,
        language: input.language ?? null,
        spoilerText: input.spoiler_text,
        sensitive: input.sensitive,
        mediaIds: input.media_ids,
        poll,
      },
      typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : null,
    );
    // The entity was serialized once for the stream; the response sends the same bytes.
    return reply.type('application/json; charset=utf-8').send(result.json);
  });

  app.get('/api/v1/statuses/:id', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    const viewer = optionalUser(req, 'read:statuses');
    await loadVisibleStatus(ctx, viewer, id);
    const s = await presentStatus(ctx, id, viewer);
    if (!s) throw notFound();
    return s;
  });

  app.delete('/api/v1/statuses/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const s = await deleteStatus(ctx, me, id);
    if (!s) throw notFound();
    return s;
  });

  app.get('/api/v1/statuses/:id/context', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    const viewer = optionalUser(req, 'read:statuses');
    const row = await loadVisibleStatus(ctx, viewer, id);
    const { ancestors, descendants } = await statusContext(ctx.store.db, row, viewer);
    const [a, d, filter] = await Promise.all([
      presentStatuses(ctx, ancestors, viewer),
      presentStatuses(ctx, descendants, viewer),
      loadStatusFilter(ctx, viewer),
    ]);
    return {
      ancestors: applyStatusFilter(a, filter, 'thread'),
      descendants: applyStatusFilter(d, filter, 'thread'),
    };
  });

  const action = (path: string, fn: (me: number, id: number) => Promise<unknown>, scope: string) =>
    app.post(`/api/v1/statuses/:id/${path}`, async (req) => {
      const me = requireUser(req, scope);
      const { id } = parseRequest(idParam, req.params);
      const s = await fn(me, id);
      if (!s) throw notFound();
      return s;
    });
  action('favourite', (me, id) => favourite(ctx, me, id), 'write:favourites');
  action('pin', (me, id) => pinStatus(ctx, me, id), 'write:accounts');
  action('unpin', (me, id) => unpinStatus(ctx, me, id), 'write:accounts');
  action('unfavourite', (me, id) => unfavourite(ctx, me, id), 'write:favourites');
  action('reblog', (me, id) => reblog(ctx, me, id), 'write:statuses');
  action('unreblog', (me, id) => unreblog(ctx, me, id), 'write:statuses');

  app.get('/api/v1/statuses/:id/favourited_by', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    await loadVisibleStatus(ctx, optionalUser(req, 'read:statuses'), id);
    const q = parseRequest(pageParams, req.query);
    const ids = await favouritedByIds(ctx.store.db, id, q.max_id, q.limit);
    const accounts = await findAccountsByIds(ctx.store.db, ids);
    const link = linkHeader(
      base,
      `/api/v1/statuses/${id}/favourited_by`,
      req.query as Record<string, unknown>,
      ids,
    );
    if (link) reply.header('link', link);
    return ids
      .map((a) => accounts.get(a))
      .filter((a) => a !== undefined)
      .map((a) => serializeAccount(a, base));
  });

  app.get('/api/v1/statuses/:id/reblogged_by', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    await loadVisibleStatus(ctx, optionalUser(req, 'read:statuses'), id);
    const q = parseRequest(pageParams, req.query);
    const ids = await rebloggedByIds(ctx.store.db, id, q.max_id, q.limit);
    const accounts = await findAccountsByIds(ctx.store.db, ids);
    const link = linkHeader(
      base,
      `/api/v1/statuses/${id}/reblogged_by`,
      req.query as Record<string, unknown>,
      ids,
    );
    if (link) reply.header('link', link);
    return ids
      .map((a) => accounts.get(a))
      .filter((a) => a !== undefined)
      .map((a) => serializeAccount(a, base));
  });
};
