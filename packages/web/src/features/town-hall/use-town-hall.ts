import type { Submission, SubmissionSort } from '@hashchat/api/entities/moderation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { listSubmissions, setVote, submitQuestion } from '../../api/town-hall';
import { useLoad } from '../../app/use-load';
import { useStream } from '../../app/use-stream';
import { useSessionStreamUrl } from '../live/room-stream';
import { applySubmission, sortSubmissions } from './submission-list';

/** How often the list is read again, for other people's votes (the stream does not carry votes). */
const REFRESH_MS = 15_000;

export interface TownHallQueue {
  /** The questions in the chosen order (null while the first page loads). */
  list: Submission[] | null;
  sort: SubmissionSort;
  setSort(sort: SubmissionSort): void;
  error: string | null;
  ask(text: string): Promise<Submission>;
  /** Votes for a question, or takes the vote back; resolves to the question as the server counts it. */
  vote(question: Submission): Promise<void>;
}

/**
 * A town hall's question list as one viewer sees it: read in the chosen order, kept current from
 * the session stream (approved, dismissed, answering, answered), and read again now and then
 * for the vote counts.
 */
export function useTownHall(
  sessionId: string,
  viewer: { id: string | null; moderator: boolean },
): TownHallQueue {
  const [all, setAll] = useState<Submission[] | null>(null);
  const [sort, setSortState] = useState<SubmissionSort>('votes');
  const [error, setError] = useState<string | null>(null);
  const viewerRef = useRef(viewer);
  viewerRef.current = viewer;
  const sortRef = useRef(sort);
  sortRef.current = sort;

  useStream(useSessionStreamUrl(sessionId), (event) => {
    if (event.event !== 'chat.submission' && event.event !== 'chat.answering') return;
    if (event.payload.session_id !== sessionId) return;
    setAll((list) => (list ? applySubmission(list, event.payload, viewer) : list));
  });
  // Another order reads again (an older order's late answer is dropped), and so does the timer.
  const reload = useLoad(() => listSubmissions(sessionId, sort), [sessionId, sort], {
    onValue(list) {
      setAll(list);
      setError(null);
    },
    onError: (err) => setError(errorMessage(err)),
  });
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const setSort = useCallback(
    (next: SubmissionSort) => {
      setSortState(next);
      // Choosing the order again reads the latest counts.
      if (next === sortRef.current) reload();
    },
    [reload],
  );

  const ask = useCallback(
    async (text: string) => {
      const created = await submitQuestion(sessionId, text);
      setAll((list) => applySubmission(list ?? [], created, viewerRef.current, true));
      return created;
    },
    [sessionId],
  );

  const vote = useCallback(async (question: Submission) => {
    const changed = await setVote(question.id, !question.voted);
    setAll((list) => applySubmission(list ?? [], changed, viewerRef.current, true));
  }, []);

  return { list: all ? sortSubmissions(all, sort) : null, sort, setSort, error, ask, vote };
}
