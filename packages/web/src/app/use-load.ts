import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface LoadHandlers<T> {
  /** A read starts; `reload` when it was asked for by `reload()` rather than new deps. */
  onStart?(reload: boolean): void;
  onValue(value: T): void;
  /** A failed read; ignored when not given (a read whose answer is optional). */
  onError?(error: unknown): void;
}

/**
 * Reads something when `deps` change (or `reload()` is called) and hands the answer to the
 * handlers, which a hook with its own state (a reducer, form fields) records as it likes. A read
 * still running when the deps change or the component unmounts is aborted and its answer
 * dropped, so a slow old answer never lands on a new page. useResource is this plus a state.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  handlers: LoadHandlers<T>,
): () => void {
  const [round, setRound] = useState(0);
  const lastRound = useRef(round);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps stand for `load`
  useEffect(() => {
    const controller = new AbortController();
    handlersRef.current.onStart?.(round !== lastRound.current);
    lastRound.current = round;
    load(controller.signal).then(
      (value) => controller.signal.aborted || handlersRef.current.onValue(value),
      (error) => controller.signal.aborted || handlersRef.current.onError?.(error),
    );
    return () => controller.abort();
  }, [...deps, round]);

  return useCallback(() => setRound((n) => n + 1), []);
}
