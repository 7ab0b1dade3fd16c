import { idParam } from '@hashchat/api/requests/fields';
import { mediaFields } from '@hashchat/api/requests/statuses';
import { parseRequest, validationFailed } from '@hashchat/api/requests/validation';
import { unprocessable } from '@hashchat/core/errors';
import type { FastifyInstance } from 'fastify';
import { acceptUpload, ownMediaProcessed, presentMedia, updateMedia } from '../../../services/media';
import { requireUser } from '../../auth';
import { acceptFileUploads, withUploadedFile } from '../../media-upload';
import type { RouteModule } from '../../route-module';

/** Media uploads (Mastodon's `/api/v2/media`, `/api/v1/media`): images only, owned by their uploader. */
export const mediaRoutes: RouteModule = async (app, ctx) => {
  // Uploads get their own body limit and file handling; every other route keeps refusing files.
  await app.register(async (uploads: FastifyInstance) => {
    acceptFileUploads(uploads, ctx.config.media.maxBytes);
    const upload = (path: string, process: 'now' | 'later') =>
      uploads.post(path, { bodyLimit: ctx.config.media.maxBytes + 64 * 1024 }, async (req, reply) => {
        const me = requireUser(req, 'write:media');
        const fields = parseRequest(mediaFields, req.body);
        const row = await withUploadedFile(req, async (file) => {
          if (!file || file.size === 0) throw validationFailed("File can't be blank");
          return acceptUpload(
            ctx,
            me,
            {
              file: file.path,
              head: file.head,
              description: fields.description ?? '',
              focus: fields.focus ?? { x: 0, y: 0 },
            },
            process,
          );
        });
        if (row.state === 'failed') throw validationFailed('File could not be processed');
        return reply.status(row.state === 'ready' ? 200 : 202).send(presentMedia(ctx, row));
      });
    upload('/api/v2/media', 'later');
    upload('/api/v1/media', 'now');
  });

  app.get('/api/v1/media/:id', async (req, reply) => {
    const me = requireUser(req, 'write:media');
    const { id } = parseRequest(idParam, req.params);
    const row = await ownMediaProcessed(ctx, me, id);
    if (row.state === 'failed') throw unprocessable('Error processing thumbnail for uploaded media');
    return reply.status(row.state === 'ready' ? 200 : 206).send(presentMedia(ctx, row));
  });

  app.put('/api/v1/media/:id', async (req) => {
    const me = requireUser(req, 'write:media');
    const { id } = parseRequest(idParam, req.params);
    const fields = parseRequest(mediaFields, req.body);
    const row = await updateMedia(ctx, me, id, fields);
    return presentMedia(ctx, row);
  });
};
