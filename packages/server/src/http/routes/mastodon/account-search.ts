import { accountSearchQuery } from '@hashchat/api/requests/accounts';
import { parseRequest } from '@hashchat/api/requests/validation';
import { serializeAccount } from '../../../present/account';
import { searchAccounts } from '../../../store/accounts';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** `/api/v1/accounts/search`: what apps call for mention autocomplete as the user types `@al`. */
export const accountSearchRoutes: RouteModule = (app, ctx) => {
  const host = new URL(ctx.config.publicUrl).host.toLowerCase();
  app.get('/api/v1/accounts/search', async (req) => {
    const me = requireUser(req, 'read:accounts');
    const q = parseRequest(accountSearchQuery, req.query);
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
