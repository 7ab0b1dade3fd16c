import type { Status } from '@hashchat/api/entities/status';
import { type Dispatch, useCallback, useReducer, useRef } from 'react';
import { errorMessage } from '../../api/api-error';
import type { Page } from '../../api/page';
import type { StreamState } from '../../api/streaming';
import { useLoad } from '../../app/use-load';
import { useStream } from '../../app/use-stream';
import { initialTimeline, type TimelineAction, type TimelineState, timelineReducer } from './timeline-state';

export interface LiveTimelineOptions {
  /** Loads one page, older than `maxId` when given. */
  load(maxId?: string): Promise<Page<Status>>;
  /** The stream that adds statuses live; none for a static list. */
  streamUrl?: string | null;
  /** Which streamed statuses belong in this list (all by default). */
  accept?(status: Status): boolean;
  /** Statuses a `delete` leaves in place (a host's "Hidden · Undo" where they hid it). */
  keep?(id: string): boolean;
}

export interface LiveTimeline {
  state: TimelineState;
  dispatch: Dispatch<TimelineAction>;
  streamState: StreamState | null;
  loadMore(): void;
}

/**
 * A timeline loaded page by page and kept live from a stream. The stream opens before the
 * first page loads, so nothing posted in between is missed. Remount (React `key`) to reset.
 */
export function useLiveTimeline({ load, streamUrl, accept, keep }: LiveTimelineOptions): LiveTimeline {
  const [state, dispatch] = useReducer(timelineReducer, initialTimeline);
  const loadRef = useRef(load);
  loadRef.current = load;

  const streamState = useStream(streamUrl ?? null, (event) => {
    if (event.event === 'update') {
      if (accept?.(event.payload) ?? true) dispatch({ type: 'arrived', status: event.payload });
    } else if (event.event === 'status.update') {
      dispatch({ type: 'changed', status: event.payload });
    } else if (event.event === 'delete' && !keep?.(event.payload)) {
      dispatch({ type: 'removed', id: event.payload });
    }
  });
  useLoad(() => loadRef.current(), [], {
    onValue: (page) => dispatch({ type: 'loaded', page }),
    onError: (error) => dispatch({ type: 'failed', error: errorMessage(error) }),
  });

  const cursor = state.nextMaxId;
  const busy = state.loadingMore;
  const loadMore = useCallback(() => {
    if (!cursor || busy) return;
    dispatch({ type: 'loading-more' });
    loadRef.current(cursor).then(
      (page) => dispatch({ type: 'loaded-more', page }),
      (error) => dispatch({ type: 'failed', error: errorMessage(error) }),
    );
  }, [cursor, busy]);

  return { state, dispatch, streamState, loadMore };
}
