import type { Poll } from '@hashchat/api/entities/poll';
import { type FormEvent, useId, useState } from 'react';
import { votePoll } from '../../api/polls';
import { useAction } from '../../app/use-action';
import { useNow } from '../chats/use-now';
import { closesLabel, pollClosed, totalLabel } from './poll-model';
import { PollResults } from './poll-results';

export interface PollCardProps {
  poll: Poll;
  /** Signed-in viewers vote; others see the results. */
  signedIn: boolean;
  onVoted(poll: Poll): void;
}

/**
 * A status's poll: a radio (or checkbox) group with a Vote button until the viewer voted or
 * the poll closed, then each option's count and share, as text with a bar beside it.
 */
export function PollCard({ poll, signedIn, onVoted }: PollCardProps) {
  const id = useId();
  const now = useNow(30_000);
  const [choices, setChoices] = useState<number[]>([]);
  const { run, busy, error } = useAction();
  const closed = pollClosed(poll, now);
  const voting = signedIn && !closed && !poll.voted;
  const kind = poll.multiple ? 'Poll, choose one or more' : 'Poll, choose one';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (choices.length === 0) return;
    await run(async () => onVoted(await votePoll(poll.id, choices)));
  }

  function toggle(index: number, checked: boolean) {
    setChoices((now) =>
      poll.multiple ? (checked ? [...now, index] : now.filter((c) => c !== index)) : checked ? [index] : now,
    );
  }

  const footer = (
    <p className="poll-meta" id={`${id}-meta`}>
      {totalLabel(poll)} · {closesLabel(poll, now)}
    </p>
  );

  if (voting)
    return (
      <form className="poll" onSubmit={submit} aria-describedby={`${id}-meta`}>
        <fieldset disabled={busy}>
          <legend className="poll-legend">{kind}</legend>
          {poll.options.map((option, index) => (
            // A poll's options never move: the position is the option (titles may repeat).
            // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position
            <label key={index} className="poll-choice">
              <input
                type={poll.multiple ? 'checkbox' : 'radio'}
                name={`${id}-choice`}
                value={index}
                checked={choices.includes(index)}
                onChange={(event) => toggle(index, event.target.checked)}
              />{' '}
              {option.title}
            </label>
          ))}
        </fieldset>
        <div className="poll-bar">
          {footer}
          <button type="submit" className="button button-primary" disabled={busy || choices.length === 0}>
            {busy ? 'Voting…' : 'Vote'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    );

  return <PollResults poll={poll} footer={footer} closed={closed} />;
}
