import type { Status } from '@hashchat/api/entities/status';
import type { Page } from '../../api/page';
import { keepOwnVote } from '../poll/poll-model';

/**
 * A live list of statuses, newest first. Statuses that arrive while the reader is held
 * (pressed Pause, or scrolled away from the newest) wait in `pending` until flushed, so the
 * column never moves under the reader.
 */
export interface TimelineState {
  phase: 'loading' | 'ready' | 'error';
  error: string | null;
  items: Status[];
  pending: Status[];
  nextMaxId: string | null;
  loadingMore: boolean;
  /** The reader pressed Pause. */
  paused: boolean;
  /** The reader has scrolled away from the newest status. */
  away: boolean;
  /** Statuses received live so far (counters and announcements read it). */
  arrived: number;
}

export type TimelineAction =
  | { type: 'loaded'; page: Page<Status> }
  | { type: 'loading-more' }
  | { type: 'loaded-more'; page: Page<Status> }
  | { type: 'failed'; error: string }
  | { type: 'arrived'; status: Status }
  | { type: 'own'; status: Status }
  | { type: 'changed'; status: Status }
  | { type: 'removed'; id: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'away'; away: boolean }
  | { type: 'flush' };

export const initialTimeline: TimelineState = {
  phase: 'loading',
  error: null,
  items: [],
  pending: [],
  nextMaxId: null,
  loadingMore: false,
  paused: false,
  away: false,
  arrived: 0,
};

/** Whether new statuses wait behind the "N new posts" bar instead of entering the column. */
export function isHeld(state: TimelineState): boolean {
  return state.paused || state.away || state.pending.length > 0;
}

function matches(status: Status, id: string): boolean {
  return status.id === id || status.reblog?.id === id;
}

/** `changed`, keeping the viewer's poll vote that a status presented for everyone lacks. */
function withOwnVote(changed: Status, before: Status): Status {
  return changed.poll ? { ...changed, poll: keepOwnVote(changed.poll, before.poll) } : changed;
}

/** Puts `changed` wherever it appears, also inside reblogs of it. */
export function replaceStatus(list: Status[], changed: Status): Status[] {
  let touched = false;
  const next = list.map((status) => {
    if (status.id === changed.id) {
      touched = true;
      return withOwnVote(changed, status);
    }
    if (status.reblog?.id === changed.id) {
      touched = true;
      return { ...status, reblog: withOwnVote(changed, status.reblog) };
    }
    return status;
  });
  return touched ? next : list;
}

function uniqueById(list: Status[]): Status[] {
  const seen = new Set<string>();
  return list.filter((status) => {
    if (seen.has(status.id)) return false;
    seen.add(status.id);
    return true;
  });
}

function knows(state: TimelineState, id: string): boolean {
  return state.items.some((s) => s.id === id) || state.pending.some((s) => s.id === id);
}

export function timelineReducer(state: TimelineState, action: TimelineAction): TimelineState {
  switch (action.type) {
    case 'loaded':
      // Statuses streamed while the first page loaded are newer than it.
      return {
        ...state,
        phase: 'ready',
        error: null,
        items: uniqueById([...state.items, ...action.page.items]),
        nextMaxId: action.page.items.length > 0 ? action.page.nextMaxId : null,
      };
    case 'loading-more':
      return { ...state, loadingMore: true };
    case 'loaded-more':
      return {
        ...state,
        loadingMore: false,
        items: uniqueById([...state.items, ...action.page.items]),
        nextMaxId: action.page.items.length > 0 ? action.page.nextMaxId : null,
      };
    case 'failed':
      return state.phase === 'loading'
        ? { ...state, phase: 'error', error: action.error }
        : { ...state, loadingMore: false, error: action.error };
    case 'arrived': {
      if (knows(state, action.status.id))
        return timelineReducer(state, { type: 'changed', status: action.status });
      const arrived = state.arrived + 1;
      if (state.phase !== 'loading' && isHeld(state)) {
        return { ...state, arrived, pending: [action.status, ...state.pending] };
      }
      return { ...state, arrived, items: [action.status, ...state.items] };
    }
    case 'own': {
      // The stream may have brought the status first (into the column or behind the bar): its
      // copy carries the room's classification (`chat`), which the post's own answer lacks.
      const known = [...state.items, ...state.pending].find((s) => s.id === action.status.id);
      const status = known?.chat ? { ...action.status, chat: known.chat } : action.status;
      return {
        ...state,
        pending: state.pending.filter((s) => s.id !== action.status.id),
        items: [status, ...state.items.filter((s) => s.id !== action.status.id)],
      };
    }
    case 'changed':
      return {
        ...state,
        items: replaceStatus(state.items, action.status),
        pending: replaceStatus(state.pending, action.status),
      };
    case 'removed':
      return {
        ...state,
        items: state.items.filter((s) => !matches(s, action.id)),
        pending: state.pending.filter((s) => !matches(s, action.id)),
      };
    case 'pause':
      return { ...state, paused: true };
    case 'resume':
      return timelineReducer({ ...state, paused: false }, { type: 'flush' });
    case 'away':
      return state.away === action.away ? state : { ...state, away: action.away };
    case 'flush':
      if (state.pending.length === 0) return state.away ? { ...state, away: false } : state;
      // Flushing scrolls the reader back to the newest status.
      return { ...state, away: false, items: uniqueById([...state.pending, ...state.items]), pending: [] };
  }
}
