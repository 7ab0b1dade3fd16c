import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  mapReady,
  type ResourceEvent,
  type ResourceState,
  resourceLoading,
  resourceReducer,
} from './resource-state';

const ready = (value: number, refreshing = false): ResourceState<number> => ({
  status: 'ready',
  value,
  refreshing,
});

describe('resourceReducer', () => {
  it.each<[string, ResourceState<number>, ResourceEvent<number>, ResourceState<number>]>([
    ['a first read is loading', resourceLoading, { type: 'start', refresh: false }, resourceLoading],
    [
      'a read for a new parameter drops the old value',
      ready(1),
      { type: 'start', refresh: false },
      resourceLoading,
    ],
    ['a refresh keeps the value on screen', ready(1), { type: 'start', refresh: true }, ready(1, true)],
    [
      'a refresh before anything was read is loading',
      resourceLoading,
      { type: 'start', refresh: true },
      resourceLoading,
    ],
    [
      'a retry after an error is loading',
      { status: 'error', error: 'x' },
      { type: 'start', refresh: true },
      resourceLoading,
    ],
    ['an answer is ready', resourceLoading, { type: 'loaded', value: 2 }, ready(2)],
    ['a refreshed answer ends the refresh', ready(1, true), { type: 'loaded', value: 3 }, ready(3)],
    [
      'a 404 is missing',
      resourceLoading,
      { type: 'failed', error: new ApiError(404, 'Record not found') },
      { status: 'missing' },
    ],
    [
      'another refusal is an error with its message',
      resourceLoading,
      { type: 'failed', error: new ApiError(403, 'Forbidden here') },
      { status: 'error', error: 'Forbidden here' },
    ],
    [
      'an unreachable server says so',
      ready(1, true),
      { type: 'failed', error: new TypeError('fetch failed') },
      { status: 'error', error: 'The server could not be reached. Check your connection.' },
    ],
    ['an update changes a ready value', ready(1), { type: 'update', update: (n) => n + 1 }, ready(2)],
    [
      'an update before the value is read is dropped',
      resourceLoading,
      { type: 'update', update: (n) => n + 1 },
      resourceLoading,
    ],
  ])('%s', (_name, before, event, after) => {
    expect(resourceReducer(before, event)).toEqual(after);
  });
});

describe('mapReady', () => {
  it.each<[ResourceState<number>, unknown]>([
    [ready(4), { status: 'ready', count: 4 }],
    [resourceLoading, resourceLoading],
    [{ status: 'missing' }, { status: 'missing' }],
    [
      { status: 'error', error: 'x' },
      { status: 'error', error: 'x' },
    ],
  ])('%o → %o', (state, expected) => {
    expect(mapReady(state, (count) => ({ count }))).toEqual(expected);
  });
});
