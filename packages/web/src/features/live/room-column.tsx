import type { ChatSession } from '@hashchat/api/entities/chat';
import type { Status } from '@hashchat/api/entities/status';
import { type ReactNode, type RefObject, useCallback, useContext, useEffect } from 'react';
import { type RoomFilter, roomTimeline } from '../../api/live';
import { streamUrls } from '../../api/streaming';
import { tagTimeline } from '../../api/timelines';
import { useRoomModeration } from '../moderation/room-moderation-context';
import { LiveFeed } from '../status/live-feed';
import type { StatusListProps } from '../status/status-list';
import { useLiveTimeline } from '../status/use-live-timeline';
import { GroupedStatusList } from './grouped-status-list';
import { isOver } from './live-session-state';
import { roomChat } from './room-chat';
import { acceptsStatus } from './room-filter';
import { CuratedRoomContext, useSessionStreamUrl } from './room-stream';

/** Lets the page put a status the viewer just posted into the column, if it belongs there. */
export type AddOwnStatus = (status: Status) => void;

export interface RoomColumnProps {
  tag: string;
  session: ChatSession;
  source: 'room' | 'tag';
  filter: RoomFilter;
  /** Whether an account wears a Host, Co-host or Guest badge in this room. */
  hasBadge(accountId: string): boolean;
  agendaText(n: number): string | null;
  /** Question cards with answers under them (the room) or one status per row (the console). */
  grouped: boolean;
  /** The host console: the room in every state (hidden, muted, pending statuses too). */
  console?: boolean;
  addOwnRef: RefObject<AddOwnStatus | null>;
  renderTools?: StatusListProps['renderTools'];
  empty: ReactNode;
}

/**
 * The column of a session's room for one filter (remount it with a `key` to change filter):
 * loaded page by page and kept live from the session's stream, with the pause bar.
 */
export function RoomColumn({
  tag,
  session,
  source,
  filter,
  hasBadge,
  agendaText,
  grouped,
  console: inConsole = false,
  addOwnRef,
  renderTools,
  empty,
}: RoomColumnProps) {
  const curated = useContext(CuratedRoomContext);
  const sessionStream = useSessionStreamUrl(session.id);
  const load = useCallback(
    (maxId?: string) =>
      source === 'room'
        ? roomTimeline(session.id, filter, maxId, { console: inConsole, curated })
        : tagTimeline(tag, maxId),
    [source, session.id, filter, tag, inConsole, curated],
  );
  const accept = useCallback(
    (status: Status) => source === 'tag' || acceptsStatus(filter, status, hasBadge),
    [source, filter, hasBadge],
  );
  const hiddenHere = useRoomModeration()?.hiddenHere ?? null;
  const timeline = useLiveTimeline({
    load,
    streamUrl: source === 'room' ? sessionStream : streamUrls.hashtag(tag),
    accept,
    keep: (id) => hiddenHere?.has(id) ?? false,
  });
  const { dispatch, state } = timeline;
  const items = state.items;

  useEffect(() => {
    addOwnRef.current = (status: Status) => {
      // Until the stream brings its classification, judge the new status as the server will,
      // so an answer wears its "A1" badge at once; the stream's copy replaces the guess (and a
      // copy it brought already wins over it, see the timeline's 'own').
      const byId = new Map(items.map((s) => [s.id, s]));
      const guessed = status.chat
        ? status
        : { ...status, chat: roomChat(status, byId, session.id) ?? undefined };
      if (accept(guessed)) dispatch({ type: 'own', status: guessed });
    };
  }, [addOwnRef, items, accept, dispatch, session.id]);

  const renderList = useCallback(
    (props: StatusListProps) => (
      <GroupedStatusList {...props} agendaText={agendaText} showAllAnswers={filter.only === 'question'} />
    ),
    [agendaText, filter],
  );

  return (
    <LiveFeed
      timeline={timeline}
      roomTag={tag}
      pauseControl
      keyboard
      empty={empty}
      renderTools={renderTools}
      renderList={grouped ? renderList : undefined}
      ended={isOver(session)}
    />
  );
}
