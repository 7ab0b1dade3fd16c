import { takesVotes } from '@hashchat/core/chat/town-hall';
import { HashchatError } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { submissionsOfStatus } from '../../store/submissions';
import { favourite, unfavourite } from '../interactions';
import { unvote, vote } from '../moderation/town-hall/vote';

/**
 * A remote account's Like: a favourite and, when the status is an approved town-hall question
 * still open, that account's one vote for it (a fediverse app has no vote button; its Like is
 * the vote). Refusals (not visible, vote limits) are dropped: there is no one to answer them to.
 */
export async function remoteLike(ctx: Context, remoteId: number, statusId: number): Promise<void> {
  await favourite(ctx, remoteId, statusId).catch(ignoreRefusal);
  for (const s of await submissionsOfStatus(ctx.store.db, statusId)) {
    if (takesVotes(s.state)) await vote(ctx, remoteId, Number(s.id)).catch(ignoreRefusal);
  }
}

/** Undo(Like): the favourite and the vote go. */
export async function remoteUnlike(ctx: Context, remoteId: number, statusId: number): Promise<void> {
  await unfavourite(ctx, remoteId, statusId).catch(ignoreRefusal);
  for (const s of await submissionsOfStatus(ctx.store.db, statusId)) {
    await unvote(ctx, remoteId, Number(s.id)).catch(ignoreRefusal);
  }
}

function ignoreRefusal(err: unknown): void {
  if (!(err instanceof HashchatError)) throw err;
}
