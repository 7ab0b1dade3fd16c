import type { Submission, SubmissionSort } from '@hashchat/api/entities/moderation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { streamUrls, subscribeStream } from '../../api/streaming';
import { listSubmissions, setVote, submitQuestion } from '../../api/town-hall';
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

  const load = useCallback(
    (which: SubmissionSort) =>
      listSubmissions(sessionId, which).then(
        (list) => {
          if (sortRef.current === which) setAll(list);
          setError(null);
        },
        (err) => setError(errorMessage(err)),
      ),
    [sessionId],
  );

  useEffect(() => {
    void load(sort);
    const timer = setInterval(() => void load(sortRef.current), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, sort]);

  useEffect(
    () =>
      subscribeStream(streamUrls.session(sessionId), {
        onEvent(event) {
          if (event.event !== 'chat.submission' && event.event !== 'chat.answering') return;
          if (event.payload.session_id !== sessionId) return;
          setAll((list) => (list ? applySubmission(list, event.payload, viewerRef.current) : list));
        },
      }),
    [sessionId],
  );

  const setSort = useCallback(
    (next: SubmissionSort) => {
      setSortState(next);
      // Choosing the order again reads the latest counts.
      if (next === sortRef.current) void load(next);
    },
    [load],
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
