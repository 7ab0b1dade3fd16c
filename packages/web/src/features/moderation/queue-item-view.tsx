import type { Status } from '@hashchat/api/entities/status';
import { paths } from '../../app/routes';
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
