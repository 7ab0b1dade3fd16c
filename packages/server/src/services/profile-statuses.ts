import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { Context } from '../context';
import { accountStatusIds } from '../store/account-statuses';
import { isFollowing } from '../store/follows';
import type { Keyset } from '../store/keyset';

/**
 * Status ids an account's profile shows the viewer: followers-only statuses only to followers
 * and the author, direct ones never.
 */
export async function profileStatusIds(
  ctx: Context,
  accountId: number,
  viewerId: number | null,
  f: { excludeReplies: boolean; excludeReblogs: boolean; tagged?: string },
  k: Keyset,
): Promise<number[]> {
  const canSeePrivate =
    viewerId === accountId || (viewerId !== null && (await isFollowing(ctx.store.db, viewerId, accountId)));
  return accountStatusIds(
    ctx.store.db,
    accountId,
    {
      visibilities: canSeePrivate ? ['public', 'unlisted', 'private'] : ['public', 'unlisted'],
      excludeReplies: f.excludeReplies,
      excludeReblogs: f.excludeReblogs,
      tag: f.tagged ? normalizeTag(f.tagged.replace(/^[#＃]/, '')) : undefined,
    },
    k,
  );
}
