import type { RecapPoll } from '@hashchat/api/entities/recap';
import { paths } from '../../app/routes';
import { closesLabel, pollClosed, totalLabel } from '../poll/poll-model';
import { PollResults } from '../poll/poll-results';
import { displayName } from '../status/avatar';

/** The room's polls, each with the question as asked and its result. */
export function RecapPolls({ polls, now }: { polls: RecapPoll[]; now: Date }) {
  if (polls.length === 0) return <p className="muted">No polls were asked.</p>;
  return (
    <ol className="recap-polls">
      {polls.map((p) => (
        <li key={p.status_id}>
          <p className="recap-poll-question">
            <a href={paths.status(p.account.acct, p.status_id)}>{p.text}</a>{' '}
            <span className="muted">— {displayName(p.account)}</span>
          </p>
          <PollResults
            poll={p.poll}
            closed={pollClosed(p.poll, now)}
            footer={
              <p className="poll-meta">
                {totalLabel(p.poll)} · {closesLabel(p.poll, now)}
              </p>
            }
          />
        </li>
      ))}
    </ol>
  );
}
