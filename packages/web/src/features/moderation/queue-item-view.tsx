import type { Report } from '@hashchat/api/entities/moderation';
import type { Status } from '@hashchat/api/entities/status';
import { useEffect, useRef, useState } from 'react';
import { forwardReport } from '../../api/moderation';
import { ErrorLine } from '../../app/error-line';
import { paths } from '../../app/routes';
import { useAction } from '../../app/use-action';
import { LocalTime } from '../status/local-time';
import { categoryLabel } from './categories';
import type { QueueItem } from './queue-plan';

function Excerpt({ status }: { status: Status }) {
  return (
    <div className="queue-status">
      <p className="muted">
        <a href={paths.profile(status.account.acct)}>@{status.account.acct}</a> ·{' '}
        <LocalTime iso={status.created_at} />
      </p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe status HTML from the server */}
      <div className="status-content" dangerouslySetInnerHTML={{ __html: status.content }} />
    </div>
  );
}

/**
 * A report about an account on another server can be sent on to that server (a `Flag` from
 * this server, the reporter not named), once; the report stays here to be handled too.
 */
function ForwardReport({ report }: { report: Report }) {
  const acct = report.target_account?.acct ?? '';
  const server = acct.includes('@') ? acct.slice(acct.indexOf('@') + 1) : null;
  const [forwarded, setForwarded] = useState(report.forwarded);
  const { run, busy, error } = useAction();
  // The button goes once it has worked: focus moves to the line that says so.
  const said = useRef<HTMLParagraphElement>(null);
  const sentHere = useRef(false);
  useEffect(() => {
    if (forwarded && sentHere.current) said.current?.focus();
  }, [forwarded]);
  if (!server) return null;
  if (forwarded)
    return (
      <p className="muted" role="status" tabIndex={-1} ref={said}>
        Sent to {server}.
      </p>
    );
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const sent = (await forwardReport(report.id)).forwarded;
            sentHere.current = sent;
            setForwarded(sent);
          })
        }
      >
        Send to {server}
      </button>
      <ErrorLine error={error} />
    </>
  );
}

/** What one queue item is about: a held status and why, a report, or a town-hall question. */
export function QueueItemView({ item }: { item: QueueItem }) {
  switch (item.kind) {
    case 'held':
      return (
        <>
          <p className="queue-kind">Held status · {item.held.reason}</p>
          <Excerpt status={item.held.status} />
        </>
      );
    case 'report': {
      const { report } = item;
      return (
        <>
          <p className="queue-kind">
            Report · {categoryLabel(report.category)} · by @{report.account?.acct ?? 'someone'} about @
            {report.target_account?.acct ?? 'someone'}
          </p>
          {report.comment && <p className="queue-comment">“{report.comment}”</p>}
          {report.status && <Excerpt status={report.status} />}
          <ForwardReport report={report} />
        </>
      );
    }
    case 'submission':
      return (
        <>
          <p className="queue-kind">Town-hall question · by @{item.submission.account?.acct ?? 'someone'}</p>
          <p className="queue-question">{item.submission.text}</p>
        </>
      );
  }
}
