import type { ChatSession } from '@hashchat/api/entities/chat';
import type { Question } from '@hashchat/api/entities/live';
import { useEffect, useRef } from 'react';
import { paths } from '../../app/routes';
import { isOver } from './live-session-state';

function label(question: Question): string {
  return question.question_number !== null ? `Q${question.question_number}` : 'Now';
}

/**
 * What is being asked right now, in plain words, pinned atop the room while it scrolls; its
 * Answer button starts the room's one composer with "A n ".
 */
export function QuestionBanner({
  session,
  current,
  onAnswer,
}: {
  session: ChatSession;
  current: Question | null;
  /** Null when the viewer cannot post (signed out). */
  onAnswer: ((n: number) => void) | null;
}) {
  const n = current?.question_number ?? null;
  const pinnedRef = usePinnedHeight();

  let text: string;
  if (current) text = current.text;
  else if (session.state === 'scheduled') text = 'The questions start when the session does.';
  else text = 'Waiting for the first question.';

  if (isOver(session))
    return (
      <section className="question-banner question-banner-ended" aria-label="Session state">
        <p className="question-banner-text">
          <span className="state-pill state-ended">Ended</span>{' '}
          {session.state === 'cancelled'
            ? 'This session was cancelled.'
            : 'This session has ended; its questions and answers stay here.'}
        </p>
        {session.state === 'ended' && <SessionRecord sessionId={session.id} />}
      </section>
    );

  return (
    <section className="question-banner question-banner-pinned" aria-label="Current question" ref={pinnedRef}>
      <p className="question-banner-text">
        {current && <span className="kind-tag kind-question">{label(current)}</span>} {text}
      </p>
      {current?.media?.url && current.media.preview_url && (
        // The slide or the dish the question is about, small; it opens in full.
        <a className="question-banner-image" href={current.media.url} target="_blank" rel="noreferrer">
          <img
            src={current.media.preview_url}
            alt={current.media.description ?? ''}
            width={current.media.meta.small?.width}
            height={current.media.meta.small?.height}
          />
        </a>
      )}
      {current && n !== null && onAnswer && session.state === 'live' && (
        <button type="button" className="button button-primary" onClick={() => onAnswer(n)}>
          {/* On a phone the banner's own "Q2" says which: the button reads "Answer" to leave the question room. */}
          Answer<span className="question-banner-number"> Q{n}</span>
        </button>
      )}
      <p className="sr-only" role="status">
        {current ? `${label(current)} is up: ${current.text}` : ''}
      </p>
    </section>
  );
}

/**
 * Tells the room how tall the pinned question is (`--pinned-h` on `.room-main`), so what else
 * sticks while the column scrolls (the "N new posts" bar) stands below it rather than over it.
 */
function usePinnedHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    const room = el?.closest<HTMLElement>('.room-main');
    if (!el || !room) return;
    const observer = new ResizeObserver(() => room.style.setProperty('--pinned-h', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      room.style.removeProperty('--pinned-h');
    };
  });
  return ref;
}

/** Where an ended session's record is: its recap and its transcript. */
export function SessionRecord({ sessionId }: { sessionId: string }) {
  return (
    <p className="session-record">
      <a className="button" href={paths.recap(sessionId)}>
        Recap
      </a>{' '}
      <a className="button" href={paths.transcript(sessionId)}>
        Transcript
      </a>
    </p>
  );
}
