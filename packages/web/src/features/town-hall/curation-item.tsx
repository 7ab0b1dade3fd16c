import type { Submission } from '@hashchat/api/entities/moderation';
import { useId, useState } from 'react';
import { type CurationStep, curateSubmission, mergeSubmission } from '../../api/town-hall';
import { useAction } from '../../app/use-action';
import { AnswerPicker } from './answer-picker';
import { votesText } from './answering-now';

type Open = 'dismiss' | 'merge' | 'answered' | null;

const STATE_TEXT: Record<Submission['state'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  answering: 'Answering now',
  answered: 'Answered',
  dismissed: 'Dismissed',
};

/** One question as a moderator curates it: approve, dismiss, merge, answering, answered. */
export function CurationItem({
  question,
  others,
  sessionId,
  onChanged,
  onMerged,
}: {
  question: Submission;
  /** The other questions it can be merged into. */
  others: Submission[];
  sessionId: string;
  onChanged(question: Submission): void;
  onMerged(from: Submission, into: Submission): void;
}) {
  const id = useId();
  const [open, setOpen] = useState<Open>(null);
  const [reason, setReason] = useState('');
  const [into, setInto] = useState('');
  const task = useAction();
  const { busy, error } = task;
  const s = question.state;

  async function run(work: () => Promise<void>) {
    if (await task.run(work)) {
      setOpen(null);
      setReason('');
    }
  }

  const step = (name: CurationStep, body: { reason?: string; status_id?: string } = {}) =>
    run(async () => onChanged(await curateSubmission(question.id, name, body)));

  return (
    <article className={`curation submission-${s}`} aria-label={question.text}>
      <p className="submission-text">{question.text}</p>
      <p className="muted">
        @{question.account?.acct ?? 'someone'} · {votesText(question, true)} ·{' '}
        <span className={`submission-state state-${s}`}>{STATE_TEXT[s]}</span>
        {s === 'dismissed' && question.dismiss_reason ? `: ${question.dismiss_reason}` : ''}
        {question.answer_status_id ? ` · answer: status ${question.answer_status_id}` : ''}
      </p>
      <div className="curation-actions">
        {(s === 'pending' || s === 'dismissed') && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => step('approve')}
          >
            Approve
          </button>
        )}
        {(s === 'approved' || s === 'answered') && (
          <button type="button" className="button" disabled={busy} onClick={() => step('answering')}>
            Mark answering
          </button>
        )}
        {(s === 'approved' || s === 'answering') && (
          <button
            type="button"
            className="button"
            aria-expanded={open === 'answered'}
            onClick={() => setOpen(open === 'answered' ? null : 'answered')}
          >
            Mark answered…
          </button>
        )}
        {others.length > 0 && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open === 'merge'}
            onClick={() => setOpen(open === 'merge' ? null : 'merge')}
          >
            Merge…
          </button>
        )}
        {(s === 'pending' || s === 'approved' || s === 'answering') && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open === 'dismiss'}
            onClick={() => setOpen(open === 'dismiss' ? null : 'dismiss')}
          >
            Dismiss…
          </button>
        )}
      </div>
      {open === 'dismiss' && (
        <form
          className="mod-form"
          onSubmit={(e) => {
            e.preventDefault();
            void step('dismiss', { reason: reason.trim() });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why dismiss it (shown in the log and to everyone)</label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-danger" disabled={busy}>
            Dismiss question
          </button>
        </form>
      )}
      {open === 'merge' && (
        <form
          className="mod-form"
          onSubmit={(e) => {
            e.preventDefault();
            const target = into || others[0]?.id;
            if (!target) return;
            void run(async () =>
              onMerged(question, await mergeSubmission(question.id, target, reason.trim())),
            );
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-into`}>Merge into (votes combine)</label>
            <select id={`${id}-into`} value={into || others[0]?.id} onChange={(e) => setInto(e.target.value)}>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text.slice(0, 90)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-merge-reason`}>Reason</label>
            <input
              id={`${id}-merge-reason`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Merge
          </button>
        </form>
      )}
      {open === 'answered' && (
        <AnswerPicker
          sessionId={sessionId}
          onCancel={() => setOpen(null)}
          onPick={(statusId) => void step('answered', statusId ? { status_id: statusId } : {})}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
