import type { ReportCategory } from '@hashchat/api/entities/moderation';
import type { Status } from '@hashchat/api/entities/status';
import { type FormEvent, useId, useState } from 'react';
import { fileReport } from '../../api/moderation';
import { useAction } from '../../app/use-action';
import { CATEGORIES } from './categories';

/** Reports a status, or its author, to the hosts of the room's chat. */
export function ReportForm({
  chatId,
  status,
  onDone,
  onCancel,
}: {
  chatId: string;
  status: Status;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const id = useId();
  const [what, setWhat] = useState<'status' | 'account'>('status');
  const [category, setCategory] = useState<ReportCategory>('spam');
  const [comment, setComment] = useState('');
  const { run, busy, error } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const filed = await run(() =>
      fileReport(chatId, {
        ...(what === 'status' ? { status_id: status.id } : { account_id: status.account.id }),
        category,
        comment: comment.trim(),
      }),
    );
    if (filed) onDone('Thank you: the hosts of this chat will look at your report.');
  }

  return (
    <form className="mod-form" onSubmit={submit} aria-label="Report to the hosts">
      <fieldset className="mod-choice">
        <legend>Report</legend>
        <label>
          <input
            type="radio"
            name={`${id}-what`}
            checked={what === 'status'}
            onChange={() => setWhat('status')}
          />{' '}
          This status
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-what`}
            checked={what === 'account'}
            onChange={() => setWhat('account')}
          />{' '}
          @{status.account.acct}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-category`}>Reason</label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(e) => setCategory(e.target.value as ReportCategory)}
        >
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-comment`}>Comment for the hosts</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="mod-form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Send report
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
