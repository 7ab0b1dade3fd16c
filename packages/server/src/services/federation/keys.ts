import { validationFailed } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { findAccountById } from '../../store/accounts';
import { findChatById } from '../../store/chats';
import { requireAdmin } from './admin-access';

/**
 * An admin rotates the keys of a local account or chat (a key thought leaked, or routine):
 * new keys sign from now on, the old ones stay published a while, and followers' servers are
 * sent an `Update` of the actor. 404 for a remote account or one that is not there.
 */
export async function rotateKeys(
  ctx: Context,
  me: number,
  kind: 'account' | 'chat',
  id: number,
): Promise<void> {
  await requireAdmin(ctx.store.db, me);
  if (kind === 'account') {
    const account = await findAccountById(ctx.store.db, id);
    if (!account || account.domain !== null) throw notFound();
  } else if (!(await findChatById(ctx.store.db, id))) throw notFound();
  if (!ctx.federation) throw validationFailed('Federation is turned off');
  await ctx.federation.rotateKeys(kind, id);
}
