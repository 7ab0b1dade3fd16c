import type { RecapTopAnswer } from '@hashchat/api/entities/recap';
import type { Status } from '@hashchat/api/entities/status';
import { useState } from 'react';
import { StatusCard } from '../status/status-card';
import { plural } from './recap-model';

/** The answers people liked and reposted most, as status cards one can like or reply to. */
export function TopAnswers({ answers, tag }: { answers: RecapTopAnswer[]; tag?: string }) {
  const [list, setList] = useState(answers);
  const replace = (status: Status) =>
    setList((items) =>
      items.map((a) => (a.status.id === status.id ? { ...a, status: { ...a.status, ...status } } : a)),
    );
  if (list.length === 0) return <p className="feed-empty">No answer got a like or a repost.</p>;
  return (
    <ol className="top-answers" aria-label="Top answers">
      {list.map((a, i) => (
        <li key={a.status.id} className="top-answer">
          <p className="top-answer-rank">
            <span className="rank">#{i + 1}</span>
            {a.question_number !== null && <> · answer to Q{a.question_number}</>} ·{' '}
            {plural(a.favourites_count, 'like', 'likes')} · {plural(a.reblogs_count, 'repost', 'reposts')}
          </p>
          <StatusCard
            status={a.status}
            roomTag={tag}
            onChanged={replace}
            onRemoved={(id) => setList((items) => items.filter((x) => x.status.id !== id))}
          />
        </li>
      ))}
    </ol>
  );
}
