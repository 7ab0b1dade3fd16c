import type { Status } from '@hashchat/api/entities/status';
import { type Dispatch, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import type { Page } from '../../api/page';
import { type StreamState, subscribeStream } from '../../api/streaming';
import { initialTimeline, type TimelineAction, type TimelineState, timelineReducer } from './timeline-state';

export interface LiveTimelineOptions {
  /** Loads one page, older than `maxId` when given. */
  load(maxId?: string): Promise<Page<Status>>;
  /** The stream that adds statuses live; none for a static list. */
  streamUrl?: string | null;
  /** Which streamed statuses belong in this list (all by default). */
  accept?(status: Status): boolean;
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
export function useLiveTimeline({ load, streamUrl, accept }: LiveTimelineOptions): LiveTimeline {
  const [state, dispatch] = useReducer(timelineReducer, initialTimeline);
  const [streamState, setStreamState] = useState<StreamState | null>(streamUrl ? 'connecting' : null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  useEffect(() => {
    if (!streamUrl) return;
    return subscribeStream(streamUrl, {
      onEvent(event) {
        if (event.event === 'update') {
          if (acceptRef.current?.(event.payload) ?? true)
            dispatch({ type: 'arrived', status: event.payload });
        } else if (event.event === 'status.update') {
          dispatch({ type: 'changed', status: event.payload });
        } else if (event.event === 'delete') {
          dispatch({ type: 'removed', id: event.payload });
        }
      },
      onState: setStreamState,
    });
  }, [streamUrl]);

  useEffect(() => {
    let active = true;
    loadRef.current().then(
      (page) => active && dispatch({ type: 'loaded', page }),
      (error) => active && dispatch({ type: 'failed', error: errorMessage(error) }),
    );
    return () => {
      active = false;
    };
  }, []);

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
