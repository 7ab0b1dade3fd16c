import { formBool, idParam, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { z } from 'zod';
import { editStatus, statusHistory, statusSource } from '../../../services/status-edits';
import { optionalUser, requireUser } from '../../auth';
import { refuseUnsupported } from '../../params';
import type { RouteModule } from '../../route-module';
import { pollFromBody } from '../../status-extras';

const editInput = z.object({
  status: userText({ error: "Validation failed: Text can't be blank" }),
  spoiler_text: userText().max(500).default(''),
  sensitive: formBool.default(false),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'is not a valid ISO 639 code')
    .optional()
    .nullable(),
});

/** Mastodon's status editing: PUT /api/v1/statuses/:id (the author only), its history and source. */
export const statusEditRoutes: RouteModule = (app, ctx) => {
  app.put('/api/v1/statuses/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    refuseUnsupported(req.body, ['media_ids', 'media_attributes']);
    const input = parseRequest(editInput, req.body);
    const s = await editStatus(ctx, me, id, {
      status: input.status,
      spoilerText: input.spoiler_text,
      sensitive: input.sensitive,
      language: input.language,
      poll: pollFromBody(req.body),
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
