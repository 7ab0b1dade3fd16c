import type { Poll } from '@hashchat/api/entities/poll';
import type { ReactNode } from 'react';
import { pollResults } from './poll-model';

/** A poll's result: each option's share and count as text, a bar behind it for the eye. */
export function PollResults({ poll, closed, footer }: { poll: Poll; closed: boolean; footer: ReactNode }) {
  return (
    <section className="poll" aria-label={closed ? 'Poll results, closed' : 'Poll results'}>
      <ul className="poll-results">
        {pollResults(poll).map((r, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position
            key={index}
            className={`poll-result${r.leading ? ' poll-leading' : ''}${r.own ? ' poll-own' : ''}`}
          >
            <span className="poll-result-text">
              <span className="poll-option">
                {r.title}
                {r.own && <span className="poll-own-mark"> (your vote)</span>}
              </span>
              <span className="poll-count">
                {r.count === null
                  ? 'hidden until it closes'
                  : `${r.percent}% · ${r.count} ${r.count === 1 ? 'vote' : 'votes'}`}
              </span>
            </span>
            <span className="poll-fill" aria-hidden="true" style={{ width: `${r.percent ?? 0}%` }} />
          </li>
        ))}
      </ul>
      {footer}
    </section>
  );
}
