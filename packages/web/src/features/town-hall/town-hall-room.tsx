import '../../styles/town-hall.css';
import type { SubmissionSort, TownHall } from '@hashchat/api/entities/moderation';
import { type FormEvent, useId, useState } from 'react';
import { useAction } from '../../app/use-action';
import { AnsweringNow } from './answering-now';
import { SubmissionItem } from './submission-item';
import { answeringNow } from './submission-list';
import { useTownHall } from './use-town-hall';

const ROOM_LIST_SIZE = 10;

const SORTS: { value: SubmissionSort; label: string }[] = [
  { value: 'votes', label: 'Top' },
  { value: 'newest', label: 'Newest' },
  { value: 'unanswered', label: 'Unanswered' },
];

export interface TownHallRoomProps {
  sessionId: string;
  townHall: TownHall;
  /** The session still takes questions (not ended or cancelled). */
  open: boolean;
  viewerId: string | null;
  host: boolean;
  hashtag: string;
}

/** A town hall in the room: what is being answered now, then ask, sort and vote. */
export function TownHallRoom({ sessionId, townHall, open, viewerId, host, hashtag }: TownHallRoomProps) {
  const id = useId();
  const queue = useTownHall(sessionId, { id: viewerId, moderator: host });
  const [asking, setAsking] = useState(false);
  const [text, setText] = useState('');
  const task = useAction();
  const { busy, error } = task;
  // The question just asked, for the note that it waits for approval (gone once approved).
  const [askedId, setAskedId] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const list = queue.list ?? [];
  // The room stays the conversation: the top of the list, the rest on request.
  const shown = showAll ? list : list.slice(0, ROOM_LIST_SIZE);
  const asked = list.find((q) => q.id === askedId);
  const waiting = askedId !== null && (asked === undefined || asked.state === 'pending');

  async function ask(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setAskedId(null);
    await task.run(async () => {
      const created = await queue.ask(text.trim());
      setText('');
      setAsking(false);
      setAskedId(created.id);
    });
  }

  return (
    <>
      <AnsweringNow question={answeringNow(list)} />
      <section className="town-hall" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Town hall questions</h2>
        <p className="muted">
          Ask the hosts a question and vote for the ones you want answered; one vote per person, and not for
          your own question.
          {townHall.submission_marker &&
            ` You can also post with #${hashtag} and ${townHall.submission_marker} in your status.`}
        </p>
        {viewerId && open && !asking && (
          <div>
            <button
              type="button"
              className="button button-primary"
              aria-expanded={false}
              onClick={() => setAsking(true)}
            >
              Ask a question
            </button>
          </div>
        )}
        {viewerId && open && asking && (
          <form className="town-hall-ask" onSubmit={ask}>
            <label htmlFor={`${id}-text`}>Your question</label>
            <textarea
              id={`${id}-text`}
              rows={2}
              maxLength={1000}
              value={text}
              // biome-ignore lint/a11y/noAutofocus: the form opens on request, to type the question
              autoFocus
              onChange={(e) => setText(e.target.value)}
            />
            <div className="mod-form-actions">
              <button type="submit" className="button button-primary" disabled={busy || !text.trim()}>
                Ask
              </button>
              <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
                Cancel
              </button>
            </div>
          </form>
        )}
        <p className={waiting ? 'muted' : 'sr-only'} role="status">
          {waiting
            ? 'Thank you! Your question waits for a host to approve it; then everyone else can vote for it.'
            : ''}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <fieldset className="town-hall-sort">
          <legend className="sr-only">Order of the questions</legend>
          {SORTS.map((s) => (
            <button
              key={s.value}
              type="button"
              className="button filter-button"
              aria-pressed={queue.sort === s.value}
              onClick={() => queue.setSort(s.value)}
            >
              {s.label}
            </button>
          ))}
        </fieldset>
        {queue.list === null && !queue.error && <p className="feed-note">Loading the questions…</p>}
        {queue.error && (
          <p className="form-error" role="alert">
            {queue.error}
          </p>
        )}
        {queue.list?.length === 0 && (
          <p className="muted">No questions yet.{viewerId && open ? ' Be the first to ask.' : ''}</p>
        )}
        {list.length > 0 && (
          <ol className="submission-list" aria-label="Town hall questions">
            {shown.map((q) => (
              <li key={q.id}>
                <SubmissionItem
                  question={q}
                  canVote={viewerId !== null}
                  own={viewerId !== null && q.account?.id === viewerId}
                  moderator={host}
                  onVote={queue.vote}
                />
              </li>
            ))}
          </ol>
        )}
        {list.length > ROOM_LIST_SIZE && (
          <button type="button" className="button button-quiet" onClick={() => setShowAll((all) => !all)}>
            {showAll ? 'Show the top questions only' : `Show all ${list.length} questions`}
          </button>
        )}
      </section>
    </>
  );
}
