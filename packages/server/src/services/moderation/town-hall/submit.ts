import { validationFailed } from '@hashchat/api/requests/validation';
import { conflict } from '@hashchat/core/errors';
import type { Context } from '../../../context';
import { insertSubmission } from '../../../store/submissions';
import { loadSession } from '../../chats/access';
import { isModerator } from '../moderators';
import { limit } from './access';
import { presentSubmissions } from './views';

/** Per account: at most this many questions per session a minute. */
const SUBMISSIONS_PER_MINUTE = 5;

/** A participant asks a question in a town-hall session; it waits for a moderator's approval. */
export async function submitQuestion(ctx: Context, accountId: number, sessionId: number, text: string) {
  const db = ctx.store.db;
  const { session, chat } = await loadSession(db, sessionId);
  if (Number(session.town_hall) !== 1) throw conflict('This session is not a town hall');
  if (session.state === 'ended' || session.state === 'cancelled')
    throw conflict(`This session is ${session.state} and takes no more questions`);
  const clean = text.trim();
  if (!clean) throw validationFailed("text can't be blank");
  await limit(ctx, `submissions:${sessionId}:${accountId}`, SUBMISSIONS_PER_MINUTE, 'questions');
  const now = ctx.now();
  const row = await insertSubmission(db, {
    session_id: sessionId,
    account_id: accountId,
    text: clean,
    status_id: null,
    state: 'pending',
    votes_count: 0,
    new_account_votes_count: 0,
    created_at: now,
    updated_at: now,
  });
  const moderator = await isModerator(db, chat, accountId);
  return (await presentSubmissions(ctx, [row], { id: accountId, moderator }))[0];
}
