import { type DependencyList, useCallback, useReducer } from 'react';
import { type ResourceEvent, type ResourceState, resourceLoading, resourceReducer } from './resource-state';
import { useLoad } from './use-load';

export interface Resource<T> {
  state: ResourceState<T>;
  /** The value once read (also while refreshing), else undefined. */
  value: T | undefined;
  loading: boolean;
  /** The message of a failed read (a 404 is `state.status === 'missing'` instead). */
  error: string | null;
  /** Reads again, keeping the current value on screen; also the "Try again" of an error. */
  refresh(): void;
  /** Changes the value locally (a stream event, an action's answer); no-op until ready. */
  update(change: (value: T) => T): void;
}

/**
 * Reads something from the server for a page: loading, then ready, missing (404) or error.
 * Reads again when `deps` change; a read still running when they change or the component
 * unmounts is aborted and its answer dropped, so a slow old answer never overwrites a new one.
 * Meanwhile the last value stays on screen (signing in re-reads a page without blanking it),
 * unless `reset` says the new deps name something else (another person's profile).
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  { reset = false }: { reset?: boolean } = {},
): Resource<T> {
  const [state, dispatch] = useReducer(
    resourceReducer as (s: ResourceState<T>, e: ResourceEvent<T>) => ResourceState<T>,
    resourceLoading,
  );
  const refresh = useLoad(load, deps, {
    onStart: (reload) => dispatch({ type: 'start', refresh: !reset || reload }),
    onValue: (value) => dispatch({ type: 'loaded', value }),
    onError: (error) => dispatch({ type: 'failed', error }),
  });
  const update = useCallback((change: (value: T) => T) => dispatch({ type: 'update', update: change }), []);
  return {
    state,
    value: state.status === 'ready' ? state.value : undefined,
    loading: state.status === 'loading',
    error: state.status === 'error' ? state.error : null,
    refresh,
    update,
  };
}
