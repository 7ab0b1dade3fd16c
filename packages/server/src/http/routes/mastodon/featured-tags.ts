import { featuredTagBody } from '@hashchat/api/requests/accounts';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import {
  featuredTags,
  featureTag,
  featureTagSuggestions,
  unfeatureTag,
} from '../../../services/featured-tags';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** Mastodon's featured tags: hashtags on a profile, with how often the owner used each. */
export const featuredTagRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/featured_tags', async (req) => featuredTags(ctx, requireUser(req, 'read:accounts')));

  app.post('/api/v1/featured_tags', async (req) => {
    const me = requireUser(req, 'write:accounts');
    return featureTag(ctx, me, parseRequest(featuredTagBody, req.body).name);
  });

  app.delete('/api/v1/featured_tags/:id', async (req) => {
    const me = requireUser(req, 'write:accounts');
    await unfeatureTag(ctx, me, parseRequest(idParam, req.params).id);
    return {};
  });

  app.get('/api/v1/featured_tags/suggestions', async (req) =>
    featureTagSuggestions(ctx, requireUser(req, 'read:accounts')),
  );

  app.get('/api/v1/accounts/:id/featured_tags', async (req) =>
    featuredTags(ctx, parseRequest(idParam, req.params).id),
  );
};
