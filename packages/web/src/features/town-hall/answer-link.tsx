import type { Status } from '@hashchat/api/entities/status';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getStatus } from '../../api/statuses';
import { paths } from '../../app/routes';

/** "Show the answer": the status that answered a town-hall question, read on request. */
export function AnswerLink({ statusId }: { statusId: string }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    setOpen((was) => !was);
    if (status || open) return;
    getStatus(statusId).then(setStatus, (err) => setError(errorMessage(err)));
  }

  return (
    <div className="answer-link">
      <button type="button" className="link-button" aria-expanded={open} onClick={toggle}>
        {open ? 'Hide the answer' : 'Show the answer'}
      </button>
      {open && status && (
        <blockquote className="answer-quote" data-status-id={status.id}>
          <p className="muted">
            <a href={paths.profile(status.account.acct)}>@{status.account.acct}</a> answered:
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe status HTML from the server */}
          <div className="status-content" dangerouslySetInnerHTML={{ __html: status.content }} />
        </blockquote>
      )}
      {open && error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
