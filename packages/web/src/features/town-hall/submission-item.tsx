import type { Submission } from '@hashchat/api/entities/moderation';
import { useToggle } from '../../app/use-action';
import { AnswerLink } from './answer-link';

const STATE_TEXT: Record<Submission['state'], string> = {
  pending: 'Waiting for approval',
  approved: '',
  answering: 'Answering now',
  answered: 'Answered',
  dismissed: 'Dismissed',
};

/** One question of the town hall with its votes and the viewer's Vote toggle (not on their own). */
export function SubmissionItem({
  question,
  canVote,
  own = false,
  moderator = false,
  onVote,
}: {
  question: Submission;
  canVote: boolean;
  /** The viewer asked it: nobody votes for their own question (the server refuses it too). */
  own?: boolean;
  /** Hosts see how many votes came from new accounts; participants do not. */
  moderator?: boolean;
  onVote(question: Submission): Promise<void>;
}) {
  // One request at a time (useToggle ignores presses while busy): a quick second press cannot cast a second vote.
  const { pressed, busy, error, toggle } = useToggle(Boolean(question.voted), () => onVote(question));
  const open = question.state === 'approved' || question.state === 'answering';

  const stateText = STATE_TEXT[question.state];
  return (
    <article className={`submission submission-${question.state}`} aria-label={question.text}>
      <div className="submission-votes">
        {canVote && open && !own ? (
          <button
            type="button"
            className="button vote-button"
            aria-pressed={pressed}
            disabled={busy}
            onClick={() => void toggle()}
          >
            {/* Not colour alone: the pressed button says so in words. */}
            {pressed ? (
              'Voted ✓'
            ) : (
              <>
                <span aria-hidden="true">▲</span> Vote
              </>
            )}
          </button>
        ) : null}
        <span className="submission-count">
          {question.votes_count} {question.votes_count === 1 ? 'vote' : 'votes'}
          {moderator && (question.new_account_votes_count ?? 0) > 0 && (
            <span className="submission-new-votes">{question.new_account_votes_count} from new accounts</span>
          )}
        </span>
      </div>
      <div className="submission-main">
        <p className="submission-text">{question.text}</p>
        <p className="muted submission-meta">
          {own ? 'Your question' : `@${question.account?.acct ?? 'someone'}`}
          {stateText && (
            <>
              {' · '}
              <span className={`submission-state state-${question.state}`}>{stateText}</span>
            </>
          )}
          {question.state === 'dismissed' && question.dismiss_reason ? `: ${question.dismiss_reason}` : ''}
        </p>
        {question.state === 'answered' && question.answer_status_id && (
          <AnswerLink statusId={question.answer_status_id} />
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </article>
  );
}
