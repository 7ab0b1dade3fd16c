import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import {
  featuredTags,
  featureTag,
  featureTagSuggestions,
  unfeatureTag,
} from '../../../services/featured-tags';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const nameInput = z.object({ name: z.string({ error: "can't be blank" }).min(1, "can't be blank").max(100) });

/** Mastodon's featured tags: hashtags on a profile, with how often the owner used each. */
export const featuredTagRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/featured_tags', async (req) => featuredTags(ctx, requireUser(req, 'read:accounts')));

  app.post('/api/v1/featured_tags', async (req) => {
    const me = requireUser(req, 'write:accounts');
    return featureTag(ctx, me, parseRequest(nameInput, req.body).name);
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
