import { loadFailure } from '../api/api-error';

/** What a page shows while it reads something from the server (see useResource). */
export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  /** `refreshing`: read again on request, the last value stays on screen meanwhile. */
  | { status: 'ready'; value: T; refreshing: boolean };

export type ResourceEvent<T> =
  /** A read starts; `refresh` keeps a value already shown (a new parameter never does). */
  | { type: 'start'; refresh: boolean }
  | { type: 'loaded'; value: T }
  /** A 404 is `missing`, anything else an error with a message fit to show. */
  | { type: 'failed'; error: unknown }
  /** A local change to the value (a stream event, an action's answer). */
  | { type: 'update'; update: (value: T) => T };

export const resourceLoading: ResourceState<never> = { status: 'loading' };

export function resourceReducer<T>(state: ResourceState<T>, event: ResourceEvent<T>): ResourceState<T> {
  switch (event.type) {
    case 'start':
      return event.refresh && state.status === 'ready' ? { ...state, refreshing: true } : resourceLoading;
    case 'loaded':
      return { status: 'ready', value: event.value, refreshing: false };
    case 'failed':
      return loadFailure(event.error);
    case 'update':
      return state.status === 'ready' ? { ...state, value: event.update(state.value) } : state;
  }
}

/** A feature's own load type from a resource's: the same states, the ready value under its own names. */
export function mapReady<T, R extends object>(
  state: ResourceState<T>,
  ready: (value: T) => R,
): Exclude<ResourceState<T>, { status: 'ready' }> | ({ status: 'ready' } & R) {
  return state.status === 'ready' ? { status: 'ready', ...ready(state.value) } : state;
}
