import { takesVotes } from '@hashchat/core/chat/town-hall';
import { conflict } from '@hashchat/core/errors';
import type { Context } from '../../../context';
import { findAccountById } from '../../../store/accounts';
import { addVote, removeVote } from '../../../store/submissions';
import { limit, loadVisibleSubmission, resolveMerged } from './access';
import { presentOne } from './views';

/** Per account: at most this many votes a minute. */
const VOTES_PER_MINUTE = 120;

/** One vote per account per question (a merged question's vote goes to the one it merged into). */
export async function vote(ctx: Context, accountId: number, submissionId: number) {
  const db = ctx.store.db;
  const { row, session } = await loadVisibleSubmission(ctx, accountId, await resolveMerged(db, submissionId));
  if (!takesVotes(row.state)) throw conflict('Only approved questions that are not answered yet take votes');
  await limit(ctx, `votes:${accountId}`, VOTES_PER_MINUTE, 'votes');
  const voter = await findAccountById(db, accountId);
  // Accounts made after the session was announced are counted apart, so a flood of them shows.
  const fresh = Number(voter?.created_at ?? 0) > Number(session.created_at);
  await db.transaction().execute((trx) => addVote(trx, Number(row.id), accountId, fresh, ctx.now()));
  return presentOne(ctx, Number(row.id), accountId);
}

export async function unvote(ctx: Context, accountId: number, submissionId: number) {
  const db = ctx.store.db;
  const { row } = await loadVisibleSubmission(ctx, accountId, await resolveMerged(db, submissionId));
  await limit(ctx, `votes:${accountId}`, VOTES_PER_MINUTE, 'votes');
  await db.transaction().execute((trx) => removeVote(trx, Number(row.id), accountId));
  return presentOne(ctx, Number(row.id), accountId);
}
