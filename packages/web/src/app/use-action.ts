import { useCallback, useEffect, useReducer, useRef } from 'react';
import { errorMessage } from '../api/api-error';
import { type ActionEvent, type ActionState, actionIdle, actionReducer, shownPressed } from './action-state';

export interface Action<P = never> extends ActionState<P> {
  /**
   * Runs `work` unless one is running: busy meanwhile, its error kept for the page to show.
   * Resolves true when it succeeded. `pending` is shown until it ends (rolled back on error).
   */
  run(work: () => Promise<unknown>, pending?: P): Promise<boolean>;
  clearError(): void;
}

/** One button's action: the busy flag, try/finally and error message every such button needs. */
export function useAction<P = never>(): Action<P> {
  const [state, dispatch] = useReducer(
    actionReducer as (s: ActionState<P>, e: ActionEvent<P>) => ActionState<P>,
    actionIdle,
  );
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (work: () => Promise<unknown>, pending?: P) => {
    if (running.current) return false;
    running.current = true;
    dispatch({ type: 'start', pending: pending ?? null });
    try {
      await work();
      if (mounted.current) dispatch({ type: 'done' });
      return true;
    } catch (err) {
      if (mounted.current) dispatch({ type: 'failed', error: errorMessage(err) });
      return false;
    } finally {
      running.current = false;
    }
  }, []);
  const clearError = useCallback(() => dispatch({ type: 'done' }), []);
  return { ...state, run, clearError };
}

export interface Toggle {
  /** What the button shows: flipped at once on press, back again if the server refused. */
  pressed: boolean;
  busy: boolean;
  error: string | null;
  toggle(): Promise<boolean>;
}

/**
 * An on/off action (follow, spotlight, vote): `on` is the known state, `set(next)` asks the
 * server and lets the owner record its answer. `on` null (not yet known) disables it.
 */
export function useToggle(on: boolean | null, set: (next: boolean) => Promise<unknown>): Toggle {
  const action = useAction<boolean>();
  const pressed = shownPressed(on ?? false, action);
  return {
    pressed,
    busy: action.busy || on === null,
    error: action.error,
    toggle: () => (on === null ? Promise.resolve(false) : action.run(() => set(!pressed), !pressed)),
  };
}
