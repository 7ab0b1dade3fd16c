import { mediaFileParams } from '@hashchat/api/requests/pages';
import { notFound } from '@hashchat/core/errors';
import { mediaStorage } from '../../../media/media-storage';
import { MEDIA_TYPES, SERVED_KEY } from '../../../media/storage';
import type { RouteModule } from '../../route-module';

/**
 * Uploaded images from the disk storage. A file never changes under its name, so it is cached
 * for a year; its type is the one fixed at upload, and it is sandboxed and never sniffed, so a
 * file that is not what it claims cannot run as a page.
 */
export const mediaFileRoutes: RouteModule = (app, ctx) => {
  app.get('/media/:key/:file', async (req, reply) => {
    const params = mediaFileParams.safeParse(req.params);
    if (!params.success) throw notFound();
    const { key, file } = params.data;
    const match = SERVED_KEY.exec(`${key}/${file}`);
    if (!match) throw notFound();
    const found = await mediaStorage(ctx.config).get(`${key}/${file}`);
    if (!found) throw notFound();
    return reply
      .type(MEDIA_TYPES[match[3]])
      .header('content-length', String(found.size))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', 'sandbox')
      .header('x-content-type-options', 'nosniff')
      .header('access-control-allow-origin', '*')
      .send(found.stream);
  });
};
