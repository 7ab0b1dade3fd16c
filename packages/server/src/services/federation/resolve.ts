import type { Context } from '../../context';
import { findAccountById } from '../../store/accounts';

/**
 * `resolve=true` in search: a remote account (`@user@host`, an actor URL) or status (its URL)
 * looked up on its server and kept here. Only for signed-in users (each lookup costs requests
 * to another server); null when nothing is found or federation is off.
 */
export async function resolveRemote(ctx: Context, viewerId: number | null, query: string) {
  if (viewerId === null || !ctx.federation) return null;
  const found = await ctx.federation.resolve(query).catch((err) => {
    ctx.log.debug({ err }, 'federation: resolve failed');
    return null;
  });
  if (!found) return null;
  if ('statusId' in found) return found;
  const account = await findAccountById(ctx.store.db, found.accountId);
  return account && account.suspended_at === null ? { account } : null;
}
