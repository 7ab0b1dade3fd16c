import { appCreateBody } from '@hashchat/api/requests/accounts';
import { parseRequest, validationFailed } from '@hashchat/api/requests/validation';
import { invalid } from '@hashchat/core/errors';
import { parseScopes } from '../../../auth/scopes';
import { createApp } from '../../../services/oauth';
import { findAppById } from '../../../store/apps';
import { requireToken } from '../../auth';
import { keepUncompressed } from '../../compression';
import type { RouteModule } from '../../route-module';

export const appRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/apps', async (req, reply) => {
    keepUncompressed(reply);
    const input = parseRequest(appCreateBody, req.body);
    const uris = (
      Array.isArray(input.redirect_uris) ? input.redirect_uris : input.redirect_uris.split(/\s+/)
    ).filter(Boolean);
    for (const u of uris) {
      if (u !== 'urn:ietf:wg:oauth:2.0:oob' && !URL.canParse(u))
        throw validationFailed('Redirect URI must be an absolute URI.');
    }
    const scopes = parseScopes(input.scopes);
    if (!scopes) throw invalid('Validation failed: Scopes are invalid');
    const a = await createApp(ctx, {
      name: input.client_name,
      redirectUris: uris,
      scopes,
      website: input.website ?? null,
    });
    return {
      id: String(a.id),
      name: a.name,
      website: a.website,
      scopes,
      redirect_uri: uris.join('\n'),
      redirect_uris: uris,
      client_id: a.client_id,
      client_secret: a.client_secret,
      client_secret_expires_at: 0,
      vapid_key: '',
    };
  });

  app.get('/api/v1/apps/verify_credentials', async (req) => {
    const v = requireToken(req, 'read');
    const a = await findAppById(ctx.store.db, v.appId ?? -1);
    if (!a) return { name: 'Hashchat web', website: null, scopes: v.scopes };
    return {
      id: String(a.id),
      name: a.name,
      website: a.website,
      scopes: a.scopes.split(' '),
      redirect_uris: a.redirect_uris.split('\n'),
    };
  });
};
