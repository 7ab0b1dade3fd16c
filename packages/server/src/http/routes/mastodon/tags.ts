import { pageParams } from '@hashchat/api/requests/fields';
import { tagNameParams } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { isValidTagName, normalizeTag } from '@hashchat/core/text/tag-name';
import { findOrCreateTag } from '../../../services/find-or-create-tag';
import { followTag, unfollowTag } from '../../../services/follows';
import { hotTag } from '../../../services/live/join-pages';
import { presentTag } from '../../../services/tag-views';
import { followedTags } from '../../../store/tags';
import { optionalUser, requireUser } from '../../auth';
import { sendHot } from '../../hot-answer';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

// search.ts still imports presentTag from here.
export { presentTag };

export const tagRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/tags/:name', async (req, reply) => {
    const { name } = parseRequest(tagNameParams, req.params);
    const viewer = optionalUser(req, 'read:follows');
    const present = async () => {
      const tag = await findOrCreateTag(ctx, name, false);
      if (!tag) throw notFound();
      return presentTag(ctx, tag, viewer);
    };
    // A live chat's hashtag is asked for by everyone who joins: one answer for all who are logged out.
    if (viewer === null && isValidTagName(name.replace(/^[#＃]/, '')))
      return sendHot(req, reply, await hotTag(ctx, normalizeTag(name.replace(/^[#＃]/, '')), present));
    return present();
  });

  app.post('/api/v1/tags/:name/follow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { name } = parseRequest(tagNameParams, req.params);
    const tag = (await findOrCreateTag(ctx, name, true))!;
    await followTag(ctx, me, tag);
    return presentTag(ctx, tag, me);
  });

  app.post('/api/v1/tags/:name/unfollow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { name } = parseRequest(tagNameParams, req.params);
    const tag = await findOrCreateTag(ctx, name, false);
    if (!tag) throw notFound();
    await unfollowTag(ctx, me, tag);
    return presentTag(ctx, tag, me);
  });

  app.get('/api/v1/followed_tags', async (req, reply) => {
    const me = requireUser(req, 'read:follows');
    const q = parseRequest(pageParams, req.query);
    const tags = await followedTags(ctx.store.db, me, pageKeyset(q));
    const entities = await Promise.all(tags.map((t) => presentTag(ctx, t, me)));
    const link = linkHeader(
      ctx.config.publicUrl,
      '/api/v1/followed_tags',
      req.query as Record<string, unknown>,
      tags.map((t) => t.id),
    );
    if (link) reply.header('link', link);
    return entities;
  });
};
