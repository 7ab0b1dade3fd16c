import { idParam } from '@hashchat/api/requests/fields';
import { statusEditBody } from '@hashchat/api/requests/statuses';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { editStatus, statusHistory, statusSource } from '../../../services/status-edits';
import { optionalUser, requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';
import { pollFromBody } from '../../status-extras';

/** Mastodon's status editing: PUT /api/v1/statuses/:id (the author only), its history and source. */
export const statusEditRoutes: RouteModule = (app, ctx) => {
  app.put('/api/v1/statuses/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const input = parseRequest(statusEditBody, req.body);
    const s = await editStatus(ctx, me, id, {
      status: input.status,
      spoilerText: input.spoiler_text,
      sensitive: input.sensitive,
      language: input.language,
      poll: pollFromBody(req.body),
      mediaIds: input.media_ids,
      mediaAttributes: input.media_attributes,
    });
    if (!s) throw notFound();
    return s;
  });

  app.get('/api/v1/statuses/:id/history', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return statusHistory(ctx, optionalUser(req, 'read:statuses'), id);
  });

  app.get('/api/v1/statuses/:id/source', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id } = parseRequest(idParam, req.params);
    return statusSource(ctx, me, id);
  });
};
