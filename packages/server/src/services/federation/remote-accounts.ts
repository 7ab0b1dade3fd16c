import type { Context } from '../../context';
import type { AccountRow } from '../../store/accounts';
import {
  deleteChatRemoteFollower,
  deleteFollowRequest,
  findFollowRequest,
  insertChatRemoteFollower,
  type RemoteActor,
  upsertRemoteAccount,
} from '../../store/remote-accounts';
import { recordFollow, unfollow } from '../follows';
import { sanitizeRemoteHtml } from './sanitize-html';

/** Keeps what a remote actor document says (its bio sanitized); the account's row. */
export function rememberRemoteAccount(ctx: Context, actor: RemoteActor): Promise<AccountRow> {
  return upsertRemoteAccount(
    ctx.store.db,
    {
      ...actor,
      displayName: actor.displayName.slice(0, 200),
      note: sanitizeRemoteHtml(actor.note.slice(0, 10_000)),
    },
    ctx.now(),
  );
}

/** A remote account follows a local one (no approval here: accounts are never locked). */
export const remoteFollowsAccount = (ctx: Context, remoteId: number, localId: number) =>
  recordFollow(ctx, remoteId, localId);

/** A remote account stops following a local one. */
export const remoteUnfollowsAccount = (ctx: Context, remoteId: number, localId: number) =>
  unfollow(ctx, remoteId, localId);

export const remoteFollowsChat = (ctx: Context, remoteId: number, chatId: number) =>
  insertChatRemoteFollower(ctx.store.db, chatId, remoteId, ctx.now());

export const remoteUnfollowsChat = (ctx: Context, remoteId: number, chatId: number) =>
  deleteChatRemoteFollower(ctx.store.db, chatId, remoteId);

/** The remote server accepted a local account's Follow: the follow is real now. */
export async function followAccepted(ctx: Context, localId: number, remoteId: number): Promise<boolean> {
  if (!(await findFollowRequest(ctx.store.db, localId, remoteId))) return false;
  await deleteFollowRequest(ctx.store.db, localId, remoteId);
  await recordFollow(ctx, localId, remoteId);
  return true;
}

/** The remote server refused (or later ended) a local account's follow. */
export async function followRejected(ctx: Context, localId: number, remoteId: number): Promise<void> {
  await deleteFollowRequest(ctx.store.db, localId, remoteId);
  // Not told back: the remote server is the one that ended it.
  await unfollow(ctx, localId, remoteId, { federate: false });
}
