import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import type { Status } from '@hashchat/api/entities/status';
import type { Tag } from '@hashchat/api/entities/tag';
import { answerPrefixText } from '@hashchat/core/chat/classify';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RoomFilter } from '../../api/live';
import { useSession } from '../../app/session-context';
import { Skeleton } from '../../app/waiting';
import { isChatHost, roleOf } from '../chats/chat-roles';
import { RoomChatStrip } from '../chats/room-chat-strip';
import { withSession } from '../chats/room-phase';
import { Composer } from '../composer/composer';
import { RoomAside } from '../room/room-aside';
import { RoomHeader } from '../room/room-header';
import { SignInPrompt } from '../room/sign-in-prompt';
import { TownHallSlot, useTownHallSettings } from '../town-hall/town-hall-slot';
import { LiveInfo } from './live-info';
import { isOver } from './live-session-state';
import { PinnedStatuses } from './pinned-statuses';
import { QuestionBanner } from './question-banner';
import { type AddOwnStatus, RoomColumn } from './room-column';
import { filterKey, threadNumbers } from './room-filter';
import { RoomFilterBar } from './room-filter-bar';
import { columnSource } from './room-session';
import { CuratedRoomContext, showsHighlights } from './room-stream';
import { useLiveSession } from './use-live-session';
import { useMediaQuery, WIDE_ROOM } from './use-media-query';

export interface LiveRoomProps {
  name: string;
  chat: ChatPage;
  /** The session the room is about (live, about to start, or just ended). */
  session: ChatSession;
  tag: Tag | null;
  onTagChange(tag: Tag): void;
}

/**
 * A chat's room around a session: the current question, question cards with their answers,
 * filters, pinned statuses, the agenda and the live numbers, around the same live column and
 * composer as any hashtag room.
 */
export function LiveRoom({ name, chat: loadedChat, session: loaded, tag, onTagChange }: LiveRoomProps) {
  const { state: auth, account } = useSession();
  // Above the session's threshold of people, the room shows highlights (the curated stream)
  // unless the reader asks for everything.
  const [crossed, setCrossed] = useState(false);
  const [everything, setEverything] = useState(false);
  const curated = crossed && !everything;
  const [live, liveDispatch] = useLiveSession(loaded.id, curated);
  // The stream's word on the session (it went live, it ended) wins over the page as loaded.
  const session = live.session?.id === loaded.id ? live.session : loaded;
  const people = live.counters?.people_in_room ?? null;
  const threshold = session.curated_threshold ?? null;
  useEffect(() => {
    if (showsHighlights(threshold, people, false)) setCrossed(true);
  }, [threshold, people]);
  const chat = useMemo(() => withSession(loadedChat, session), [loadedChat, session]);
  const wide = useMediaQuery(WIDE_ROOM);
  const [filter, setFilter] = useState<RoomFilter>({ only: 'all' });
  const addOwnRef = useRef<AddOwnStatus | null>(null);
  const prefillRef = useRef<((prefix: string) => void) | null>(null);
  const source = columnSource(session);
  const host = isChatHost(account?.id, chat);
  const { townHall, known: townHallKnown } = useTownHallSettings(session.id);
  // A town hall is about its questions list: no "Waiting for the first question" above what
  // is being answered, unless the hosts also publish agenda questions.
  const banner = live.current !== null || isOver(session) || (townHallKnown && !townHall?.town_hall);

  const hasBadge = useCallback(
    (accountId: string) => roleOf(accountId, chat, session) !== null,
    [chat, session],
  );
  // Participants read what is published, and what is to come only when the hosts made it public.
  const agenda = useMemo(
    () =>
      host || (live.agendaPublic ?? session.agenda_public)
        ? live.questions
        : live.questions.filter((q) => q.state === 'published'),
    [host, live.questions, live.agendaPublic, session.agenda_public],
  );
  const agendaText = useCallback(
    (n: number) => agenda.find((q) => q.question_number === n && q.kind === 'question')?.text ?? null,
    [agenda],
  );
  const numbers = useMemo(
    () =>
      threadNumbers([
        ...agenda.filter((q) => q.state === 'published').map((q) => q.question_number),
        ...live.asked,
        live.current?.question_number ?? null,
        filter.only === 'question' ? filter.number : null,
      ]),
    [agenda, live.asked, live.current, filter],
  );
  const onPosted = useCallback((status: Status) => addOwnRef.current?.(status), []);
  const onPinnedChanged = useCallback(
    (status: Status) => liveDispatch({ type: 'status', status }),
    [liveDispatch],
  );

  const info = <LiveInfo questions={agenda} counters={live.counters} wide={wide} />;
  return (
    <CuratedRoomContext.Provider value={curated}>
      <div className="room-layout">
        <section className="room-main" aria-labelledby="room-title">
          <RoomChatStrip chat={chat} />
          <RoomHeader
            name={name}
            tag={tag}
            arrived={0}
            signedIn={account !== null}
            onTagChange={onTagChange}
            summary={live.counters ? sessionPosts(live.counters.statuses) : undefined}
          />
          {/*
          Until the live state is read, grey statuses stand where the room will be; the room
          itself is already mounted (hidden), so its statuses load at the same time, and it
          appears whole rather than growing piece by piece under the reader's eyes.
        */}
          {!live.loaded && <Skeleton count={4} />}
          <div className="live-room-body" hidden={!live.loaded}>
            {banner && (
              <QuestionBanner
                session={session}
                current={live.current}
                onAnswer={account ? (n) => prefillRef.current?.(answerPrefixText(n)) : null}
              />
            )}
            <TownHallSlot
              sessionId={session.id}
              townHall={townHall}
              open={session.state !== 'ended' && session.state !== 'cancelled'}
              viewerId={account?.id ?? null}
              host={host}
              hashtag={name}
            />
            {!wide && info}
            {account && (
              <Composer
                label={`Post to #${name}`}
                tag={name}
                compact
                prefillRef={prefillRef}
                onPosted={onPosted}
              />
            )}
            {auth.status === 'anonymous' && (
              <SignInPrompt tag={name} next={`/tags/${encodeURIComponent(name)}`} />
            )}
            <PinnedStatuses statuses={live.spotlighted} roomTag={name} onChanged={onPinnedChanged} />
            {source === 'room' && <RoomFilterBar filter={filter} numbers={numbers} onChange={setFilter} />}
            {crossed && (
              <HighlightsBar curated={curated} people={people} onChange={(all) => setEverything(all)} />
            )}
            <RoomColumn
              key={`${source}:${filterKey(filter)}:${curated ? 'curated' : 'full'}`}
              tag={name}
              session={session}
              source={source}
              filter={filter}
              hasBadge={hasBadge}
              agendaText={agendaText}
              grouped
              addOwnRef={addOwnRef}
              empty={<p>{emptyText(session, filter)}</p>}
            />
          </div>
        </section>
        {live.loaded && <RoomAside tag={name}>{wide && info}</RoomAside>}
      </div>
    </CuratedRoomContext.Provider>
  );
}

const peopleFormat = new Intl.NumberFormat();

/**
 * Says that a very large room shows its highlights (the hosts, questions, spotlighted and
 * approved statuses and a sample of the rest), how many people are here, and lets the reader
 * switch to everything and back.
 */
function HighlightsBar({
  curated,
  people,
  onChange,
}: {
  curated: boolean;
  people: number | null;
  onChange(everything: boolean): void;
}) {
  const here =
    people === null ? '' : ` — ${peopleFormat.format(people)} ${people === 1 ? 'person' : 'people'} here`;
  return (
    <p className="highlights-bar">
      {/* Only the mode is announced: the count changes every few seconds. */}
      <span role="status">{curated ? 'Showing highlights' : 'Showing everything'}</span>
      <span>{here}</span>
      {' · '}
      <button type="button" className="link-button" onClick={() => onChange(curated)}>
        {curated ? 'Show everything' : 'Show highlights'}
      </button>
    </p>
  );
}

function sessionPosts(count: number): string {
  return `${count} ${count === 1 ? 'post' : 'posts'} in this session`;
}

function emptyText(session: ChatSession, filter: RoomFilter): string {
  if (filter.only === 'hosts') return 'The hosts and guests have not posted yet.';
  if (filter.only === 'question') return `No answers to Q${filter.number} yet.`;
  if (session.state === 'scheduled') return 'Nobody has posted yet. Say hello while you wait for the start.';
  return 'No posts in this session yet.';
}
