import { unprocessable } from '@hashchat/core/errors';
import type { Context } from '../context';
import { countPins, deletePin, insertPin, pinnedStatusIds } from '../store/pins';
import { presentStatus } from './status-views';
import { loadVisibleStatus } from './visibility';

/** A profile shows at most this many pinned statuses (Mastodon's StatusPinValidator). */
export const MAX_PINS = 5;

/**
 * Pins one of the viewer's own public or unlisted statuses to their profile (Mastodon's rules
 * and messages: no boosts, nobody else's, nothing followers-only or direct, five at most).
 */
export async function pinStatus(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  if (row.reblog_of_id !== null) throw unprocessable('Validation failed: A boost cannot be pinned');
  if (Number(row.account_id) !== viewerId)
    throw unprocessable("Validation failed: Someone else's post cannot be pinned");
  if (row.visibility !== 'public' && row.visibility !== 'unlisted')
    throw unprocessable('Validation failed: Non-public posts cannot be pinned');
  await ctx.store.db.transaction().execute(async (trx) => {
    if ((await countPins(trx, viewerId)) >= MAX_PINS)
      throw unprocessable('Validation failed: You have already pinned the maximum number of posts');
    await insertPin(trx, viewerId, id, ctx.now());
  });
  return presentStatus(ctx, id, viewerId);
}

export async function unpinStatus(ctx: Context, viewerId: number, id: number) {
  await loadVisibleStatus(ctx, viewerId, id);
  await deletePin(ctx.store.db, viewerId, id);
  return presentStatus(ctx, id, viewerId);
}

/** The ids of an account's pinned statuses, the latest pinned first (the caller applies visibility). */
export const profilePinIds = (ctx: Context, accountId: number) => pinnedStatusIds(ctx.store.db, accountId);
