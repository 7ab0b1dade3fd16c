import type { Question } from '@hashchat/api/entities/live';
import { useCallback, useEffect, useRef, useState } from 'react';
import { publishNext } from '../../api/live';
import { useAction } from '../../app/use-action';
import { nextQuestion } from '../live/agenda-model';

/** After a Next, further presses this long are taken as the same press (the server's window too). */
export const DOUBLE_PRESS_MS = 2000;

export interface PublishNext {
  /** Publishes the item the console shows as next (the Next button and the n key). */
  next(): void;
  /** A Next is under way, or just went out: presses do nothing. */
  busy: boolean;
  /** The item the last Next published, while further presses are taken as the same press. */
  justPublished: Question | null;
  error: string | null;
}

/**
 * The host's Next. It names the item shown as next (`expected_id`), so a press racing the
 * stream's update publishes that item once and never the one after it; presses while one is
 * under way, or just after it went out, do nothing.
 */
export function usePublishNext(
  sessionId: string,
  live: boolean,
  questions: Question[],
  onQuestion: (question: Question) => void,
): PublishNext {
  const task = useAction();
  const [justPublished, setJustPublished] = useState<Question | null>(null);
  const held = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const next = useCallback(async () => {
    const expected = nextQuestion(questions);
    if (held.current || !live || !expected) return;
    held.current = true;
    const published = await task.run(async () => {
      const question = await publishNext(sessionId, expected.id);
      onQuestion(question);
      setJustPublished(question);
      timer.current = setTimeout(() => {
        held.current = false;
        setJustPublished(null);
      }, DOUBLE_PRESS_MS);
    });
    if (!published) held.current = false;
  }, [sessionId, live, questions, onQuestion, task.run]);

  return { next, busy: task.busy || justPublished !== null, justPublished, error: task.error };
}
