import type { Submission } from '@hashchat/api/entities/moderation';

/** The town-hall question the host is answering right now, shown at the top of every room view. */
export function AnsweringNow({ question }: { question: Submission | null }) {
  return (
    <>
      {question && (
        <section className="answering-now" aria-label="Answering now">
          <p className="answering-now-label">Answering now</p>
          <p className="answering-now-text">{question.text}</p>
          <p className="muted">
            Asked by @{question.account?.acct ?? 'someone'} · {votesText(question)}
          </p>
        </section>
      )}
      <p className="sr-only" role="status">
        {question ? `The hosts are answering: ${question.text}` : ''}
      </p>
    </>
  );
}

/** "12 votes", and for moderators "12 votes (2 from new accounts)" (a hint for them, not for all). */
export function votesText(q: Submission, moderator = false): string {
  const base = `${q.votes_count} ${q.votes_count === 1 ? 'vote' : 'votes'}`;
  return moderator && (q.new_account_votes_count ?? 0) > 0
    ? `${base} (${q.new_account_votes_count} from new accounts)`
    : base;
}
