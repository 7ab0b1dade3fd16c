import type { Status } from '@hashchat/api/entities/status';
import { type ReactNode, useCallback, useRef } from 'react';
import { LoadError, Skeleton } from '../../app/waiting';
import { newPostsLabel } from './new-posts-label';
import { StatusList, type StatusListProps } from './status-list';
import { useArrivalAnnouncement } from './use-arrival-announcement';
import { useAwayFromTop } from './use-away-from-top';
import { useFeedKeys } from './use-feed-keys';
import type { LiveTimeline } from './use-live-timeline';

export interface LiveFeedProps {
  timeline: LiveTimeline;
  label?: string;
  roomTag?: string;
  /** Show the Pause / Resume button. */
  pauseControl?: boolean;
  /** j / k move between statuses. */
  keyboard?: boolean;
  empty: ReactNode;
  /** Extra controls for each status (the host console's). */
  renderTools?: StatusListProps['renderTools'];
  /** Draws the statuses another way than one per row (the room groups answers under questions). */
  renderList?(props: StatusListProps): ReactNode;
  /** The session this column follows has ended: the connection is shown without the green Live dot. */
  ended?: boolean;
}

const defaultList = (props: StatusListProps) => <StatusList {...props} />;

const STREAM_STATE_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/**
 * A timeline column that never moves under the reader: while paused or scrolled away, new
 * statuses wait behind a "N new posts" bar.
 */
export function LiveFeed({
  timeline,
  label = 'Statuses',
  roomTag,
  pauseControl,
  keyboard,
  empty,
  renderTools,
  renderList,
  ended = false,
}: LiveFeedProps) {
  const { state, dispatch, streamState, loadMore } = timeline;
  const listRef = useRef<HTMLOListElement>(null);
  const announcement = useArrivalAnnouncement(state.arrived, state.pending.length);
  useFeedKeys(listRef, Boolean(keyboard));
  useAwayFromTop(
    listRef,
    useCallback((away: boolean) => dispatch({ type: 'away', away }), [dispatch]),
  );

  const onChanged = useCallback((status: Status) => dispatch({ type: 'changed', status }), [dispatch]);
  const onRemoved = useCallback((id: string) => dispatch({ type: 'removed', id }), [dispatch]);
  const onReplied = useCallback((status: Status) => dispatch({ type: 'own', status }), [dispatch]);

  function showNewest(action: 'flush' | 'resume') {
    const hadPending = state.pending.length > 0;
    dispatch({ type: action });
    window.scrollTo({ top: 0 });
    if (action === 'flush' && hadPending) {
      // The bar is gone; land on the newest status rather than on the page body.
      requestAnimationFrame(() =>
        listRef.current?.querySelector<HTMLElement>('article')?.focus({ preventScroll: true }),
      );
    }
  }

  return (
    <div className="feed">
      {(pauseControl || streamState) && (
        <div className="feed-toolbar">
          {streamState && (
            <span className={`stream-state stream-${streamState}${ended ? ' stream-ended' : ''}`}>
              <span className="stream-dot" aria-hidden="true" />
              {state.paused
                ? 'Paused'
                : ended && streamState === 'live'
                  ? 'Connected'
                  : STREAM_STATE_TEXT[streamState]}
            </span>
          )}
          {pauseControl && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => (state.paused ? showNewest('resume') : dispatch({ type: 'pause' }))}
            >
              {state.paused ? 'Resume' : 'Pause'}
            </button>
          )}
        </div>
      )}
      {state.pending.length > 0 && (
        <div className="new-posts">
          <button type="button" className="new-posts-button" onClick={() => showNewest('flush')}>
            {newPostsLabel(state.pending.length)}
          </button>
        </div>
      )}
      <div className="sr-only" role="status">
        {announcement}
      </div>
      {state.phase === 'loading' && <Skeleton />}
      {state.phase === 'error' && state.error && <LoadError error={state.error} />}
      {state.phase === 'ready' && state.items.length === 0 && state.pending.length === 0 && (
        <div className="feed-empty">{empty}</div>
      )}
      {(renderList ?? defaultList)({
        statuses: state.items,
        label,
        roomTag,
        listRef,
        onChanged,
        onRemoved,
        onReplied,
        renderTools,
      })}
      {state.phase === 'ready' && state.nextMaxId && (
        <div className="feed-more">
          <button type="button" className="button" onClick={loadMore} disabled={state.loadingMore}>
            {state.loadingMore ? 'Loading…' : 'Load older posts'}
          </button>
        </div>
      )}
      {state.phase === 'ready' && state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
