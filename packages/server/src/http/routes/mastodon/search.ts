import { searchQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import { serializeAccount } from '../../../present/account';
import { resolveRemote } from '../../../services/federation/resolve';
import { presentStatuses } from '../../../services/status-views';
import { visibleStatusIds } from '../../../services/visibility';
import { searchAccounts } from '../../../store/accounts';
import { publicStatusIds } from '../../../store/statuses';
import { tagsByPrefix } from '../../../store/tags';
import { optionalUser } from '../../auth';
import type { RouteModule } from '../../route-module';
import { presentTag } from './tags';

/** `/api/v2/search`: accounts by name prefix, hashtags by name prefix, statuses by full text. */
export const searchRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v2/search', async (req) => {
    const q = parseRequest(searchQuery, req.query);
    const viewer = optionalUser(req, 'read:search');
    const want = (t: string) => !q.type || q.type === t;
    const text = q.q;
    // Offsets are for compatibility only: page with max_id.
    if (q.offset) return { accounts: [], statuses: [], hashtags: [] };
    const resolved = q.resolve ? await resolveRemote(ctx, viewer, text) : null;
    const [found, hashtags, statuses] = await Promise.all([
      want('accounts')
        ? searchAccounts(ctx.store.db, text.replace(/^@/, '').split('@')[0], q.limit, ctx.store.dialect.ilike)
        : [],
      want('hashtags') ? searchTags(text) : [],
      want('statuses') ? searchStatuses(text) : [],
    ]);
    // What resolving found comes first, once.
    const accounts =
      resolved && 'account' in resolved
        ? [resolved.account, ...found.filter((a) => Number(a.id) !== Number(resolved.account.id))]
        : found;
    const statusFound =
      resolved && 'statusId' in resolved ? await presentStatuses(ctx, [resolved.statusId], viewer) : [];
    return {
      accounts: accounts.slice(0, q.limit).map((a) => serializeAccount(a, ctx.config.publicUrl)),
      hashtags: await Promise.all(hashtags.map((t) => presentTag(ctx, t, viewer))),
      statuses: [...statusFound, ...statuses.filter((st) => !statusFound.some((f) => f.id === st.id))],
    };

    async function searchTags(t: string) {
      const name = normalizeTag(t.replace(/^[#＃]/, ''));
      if (!name) return [];
      return tagsByPrefix(ctx.store.db, name, q.limit);
    }

    async function searchStatuses(t: string) {
      // Over-fetch so visibility filtering still fills a page; only public statuses are searchable here.
      const ids = await ctx.store.dialect.searchStatusIds(ctx.store.db, t, q.limit * 2, q.max_id ?? null);
      if (ids.length === 0) return [];
      const visible = await publicStatusIds(ctx.store.db, ids);
      // Public, then the visibility rule (held statuses stay out).
      const seen = await visibleStatusIds(ctx.store.db, visible, viewer);
      return presentStatuses(ctx, ids.filter((id) => seen.has(id)).slice(0, q.limit), viewer);
    }
  });
};
