import { checkVote } from '@hashchat/core/chat/town-hall';
import type { Context } from '../../../context';
import { findAccountById } from '../../../store/accounts';
import { addVote, removeVote } from '../../../store/submissions';
import { isModerator } from '../moderators';
import { limit, loadVisibleSubmission, resolveMerged } from './access';
import { presentOne } from './views';

/** Per account: at most this many votes a minute. */
const VOTES_PER_MINUTE = 120;

/**
 * One vote per account per question (a merged question's vote goes to the one it merged into);
 * never for one's own question.
 */
export async function vote(ctx: Context, accountId: number, submissionId: number) {
  const db = ctx.store.db;
  const { row, session, chat } = await loadVisibleSubmission(
    ctx,
    accountId,
    await resolveMerged(db, submissionId),
  );
  checkVote(row.state, String(row.account_id), String(accountId));
  await limit(ctx, `votes:${accountId}`, VOTES_PER_MINUTE, 'votes');
  const voter = await findAccountById(db, accountId);
  // Accounts made after the session was announced are counted apart, so a flood of them shows.
  const fresh = Number(voter?.created_at ?? 0) > Number(session.created_at);
  await db.transaction().execute((trx) => addVote(trx, Number(row.id), accountId, fresh, ctx.now()));
  return presentOne(ctx, Number(row.id), {
    id: accountId,
    moderator: await isModerator(db, chat, accountId),
  });
}

export async function unvote(ctx: Context, accountId: number, submissionId: number) {
  const db = ctx.store.db;
  const { row, chat } = await loadVisibleSubmission(ctx, accountId, await resolveMerged(db, submissionId));
  await limit(ctx, `votes:${accountId}`, VOTES_PER_MINUTE, 'votes');
  await db.transaction().execute((trx) => removeVote(trx, Number(row.id), accountId));
  return presentOne(ctx, Number(row.id), {
    id: accountId,
    moderator: await isModerator(db, chat, accountId),
  });
}
