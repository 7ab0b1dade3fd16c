import type { Submission, SubmissionSort } from '@hashchat/api/entities/moderation';

const time = (s: Submission) => Date.parse(s.created_at) || 0;
const byNewest = (a: Submission, b: Submission) => time(b) - time(a) || Number(b.id) - Number(a.id);
const byVotes = (a: Submission, b: Submission) =>
  b.votes_count - a.votes_count || Number(a.id) - Number(b.id);

/**
 * The list as the server orders it: by votes (ties: the older first), newest first, or
 * unanswered (by votes, leaving out answered and dismissed questions).
 */
export function sortSubmissions(list: Submission[], sort: SubmissionSort): Submission[] {
  const visible = list.filter((s) => s.merged_into_id === null);
  if (sort === 'newest') return [...visible].sort(byNewest);
  const pool =
    sort === 'unanswered'
      ? visible.filter((s) => s.state !== 'answered' && s.state !== 'dismissed')
      : visible;
  return [...pool].sort(byVotes);
}

const PUBLIC_STATES = new Set(['approved', 'answering', 'answered']);

/** Whether a viewer sees a question in the room's list: public ones, their own, everything for moderators. */
export function listsSubmission(s: Submission, viewer: { id: string | null; moderator: boolean }): boolean {
  if (s.merged_into_id !== null) return false;
  return (
    viewer.moderator || PUBLIC_STATES.has(s.state) || (viewer.id !== null && s.account?.id === viewer.id)
  );
}

/**
 * Applies a changed question (from the stream or an answer of the server). Stream payloads are
 * made for nobody in particular, so the viewer's own `voted` is kept unless `mine` says it is theirs,
 * and a moderator's count of votes from new accounts is kept when the payload does not carry it.
 * Only the state "answering" is held by one question at a time.
 */
export function applySubmission(
  list: Submission[],
  changed: Submission,
  viewer: { id: string | null; moderator: boolean },
  mine = false,
): Submission[] {
  const known = list.find((s) => s.id === changed.id);
  const withVote = known && !mine ? { ...changed, voted: known.voted } : changed;
  const next =
    known && withVote.new_account_votes_count === null
      ? { ...withVote, new_account_votes_count: known.new_account_votes_count }
      : withVote;
  const others = list
    .filter((s) => s.id !== changed.id)
    .map((s) =>
      next.state === 'answering' && s.state === 'answering' ? { ...s, state: 'approved' as const } : s,
    );
  return listsSubmission(next, viewer) ? [...others, next] : others;
}

/** The question being answered now, if any. */
export function answeringNow(list: Submission[]): Submission | null {
  return list.find((s) => s.state === 'answering') ?? null;
}
