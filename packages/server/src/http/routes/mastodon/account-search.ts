import { formBool, limitParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { serializeAccount } from '../../../present/account';
import { searchAccounts } from '../../../store/accounts';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(500),
  limit: limitParam(40, 80),
  // A search result is ranked, not a timeline: Mastodon pages it by offset, bounded here.
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  // Only local accounts exist, so there is nothing to resolve from another server.
  resolve: formBool.optional(),
  following: formBool.default(false),
});

/** `/api/v1/accounts/search`: what apps call for mention autocomplete as the user types `@al`. */
export const accountSearchRoutes: RouteModule = (app, ctx) => {
  const host = new URL(ctx.config.publicUrl).host.toLowerCase();
  app.get('/api/v1/accounts/search', async (req) => {
    const me = requireUser(req, 'read:accounts');
    const q = parseRequest(searchQuery, req.query);
    const [username, domain] = q.q.replace(/^@/, '').split('@');
    // Only local accounts exist: one on another server is never found here.
    if (!username || (domain && domain.toLowerCase() !== host)) return [];
    const rows = await searchAccounts(ctx.store.db, username, q.limit, ctx.store.dialect.ilike, {
      offset: q.offset,
      followedBy: q.following ? me : undefined,
    });
    return rows.map((a) => serializeAccount(a, ctx.config.publicUrl));
  });
};
