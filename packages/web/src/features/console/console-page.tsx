import '../../styles/console.css';
import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import type { Question } from '@hashchat/api/entities/live';
import type { Status } from '@hashchat/api/entities/status';
import { useCallback, useMemo, useRef, useState } from 'react';
import { paths } from '../../app/routes';
import { useSession, viewerKey } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { isChatHost, roleOf } from '../chats/chat-roles';
import { HostControls } from '../chats/host-controls';
import { RoomRolesProvider } from '../chats/room-roles';
import { SessionTime } from '../chats/session-time';
import { useNow } from '../chats/use-now';
import { Composer } from '../composer/composer';
import { LiveNumbers } from '../live/live-numbers';
import { isOver } from '../live/live-session-state';
import { PinnedStatuses } from '../live/pinned-statuses';
import { QuestionBanner } from '../live/question-banner';
import { type AddOwnStatus, RoomColumn } from '../live/room-column';
import { useLiveSession } from '../live/use-live-session';
import { RoomModerationProvider } from '../moderation/room-moderation-context';
import { useSessionChat } from '../moderation/use-session-chat';
import { ConsoleAnsweringNow } from '../town-hall/console-answering-now';
import { useTownHallSettings } from '../town-hall/town-hall-slot';
import { AcknowledgementList } from './acknowledgement-list';
import { AgendaEditor } from './agenda-editor';
import { HighlightsSetting } from './highlights-setting';
import { ShortcutHelp } from './shortcut-help';
import { SpotlightButton } from './spotlight-button';
import { useConsoleKeys } from './use-console-keys';
import { usePublishNext } from './use-publish-next';

const EVERYTHING = { only: 'all' } as const;

/** The host console of a session: one screen to run it. */
export function ConsolePage({ sessionId }: { sessionId: string }) {
  const { state: auth, account } = useSession();
  const load = useSessionChat(sessionId, viewerKey(auth));
  useTitle(load.status === 'ready' ? `Console · ${load.chat.title}` : 'Host console');

  if (load.status !== 'ready' || !account || !isChatHost(account.id, load.chat)) {
    return (
      <section className="column" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          Host console
        </h1>
        {(load.status === 'loading' || auth.status === 'loading') && <p className="feed-note">Loading…</p>}
        {load.status === 'missing' && <p>There is no such session here (any more).</p>}
        {load.status === 'error' && (
          <p className="form-error" role="alert">
            {load.error}
          </p>
        )}
        {load.status === 'ready' && auth.status === 'anonymous' && (
          <p>
            <a href={paths.signIn(paths.console(sessionId))}>Sign in</a> as a host of this chat to run its
            session.
          </p>
        )}
        {load.status === 'ready' && account && (
          <p>
            Only the hosts of “{load.chat.title}” can run its sessions.{' '}
            <a href={paths.room(load.chat.hashtag)}>Join the room</a> instead.
          </p>
        )}
      </section>
    );
  }
  // Every card of the room gets the room's status menu (report, hide, mute, ban) from here.
  return (
    <RoomModerationProvider chat={load.chat} session={load.session} keepsHidden>
      <Console chat={load.chat} initial={load.session} selfId={account.id} />
    </RoomModerationProvider>
  );
}

function Console({ chat, initial, selfId }: { chat: ChatPage; initial: ChatSession; selfId: string }) {
  const [live, dispatch] = useLiveSession(initial.id);
  const session = live.session ?? initial;
  const [help, setHelp] = useState(false);
  const addOwnRef = useRef<AddOwnStatus | null>(null);
  const now = useNow(30_000);
  const tag = chat.hashtag;
  // As in the room: a town hall without agenda questions has no "Waiting for the first question".
  const { townHall, known: townHallKnown } = useTownHallSettings(session.id);
  const banner = live.current !== null || isOver(session) || (townHallKnown && !townHall?.town_hall);

  const onQuestion = useCallback(
    (question: Question) => dispatch({ type: 'question', question }),
    [dispatch],
  );
  const publisher = usePublishNext(session.id, session.state === 'live', live.questions, onQuestion);
  useConsoleKeys({ next: publisher.next, help: () => setHelp((open) => !open) });

  const spotlightIds = useMemo(() => new Set(live.spotlighted.map((s) => s.id)), [live.spotlighted]);
  const onSpotlight = useCallback(
    (status: Status, on: boolean) =>
      dispatch({ type: 'spotlight', change: { status_id: status.id, spotlighted: on, status } }),
    [dispatch],
  );
  const renderTools = useCallback(
    (status: Status) => (
      <fieldset className="console-tools">
        <legend className="sr-only">Host tools</legend>
        <SpotlightButton
          sessionId={session.id}
          status={status}
          spotlighted={spotlightIds.has(status.id)}
          onChange={onSpotlight}
        />
      </fieldset>
    ),
    [session.id, spotlightIds, onSpotlight],
  );
  const hasBadge = useCallback((id: string) => roleOf(id, chat, session) !== null, [chat, session]);
  const agendaText = useCallback(
    (n: number) => live.questions.find((q) => q.question_number === n)?.text ?? null,
    [live.questions],
  );
  const onPosted = useCallback((status: Status) => addOwnRef.current?.(status), []);

  return (
    <RoomRolesProvider chat={chat} session={session}>
      <div className="console">
        <header className="console-head">
          <div>
            <p className="eyebrow">
              Host console · <a href={paths.chat(chat.id)}>{chat.title}</a>
              {session.title !== chat.title && ` · ${session.title}`}
            </p>
            <h1 id="page-title" tabIndex={-1}>
              {session.state === 'live' ? (
                <span className="state-pill state-live">Live</span>
              ) : session.state === 'ended' ? (
                <span className="state-pill state-ended">Ended</span>
              ) : (
                <span className="state-pill">Not started</span>
              )}{' '}
              #{tag}
            </h1>
            <p className="muted">
              <SessionTime session={session} now={now} />
            </p>
          </div>
          <div className="console-head-actions">
            <HostControls session={session} onChanged={(s) => dispatch({ type: 'session', session: s })} />
            <a className="button" href={paths.room(tag)}>
              Open the room
            </a>
            <a className="button" href={paths.moderation(session.id)}>
              Moderation
            </a>
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={help}
              aria-keyshortcuts="?"
              onClick={() => setHelp((open) => !open)}
            >
              Keyboard shortcuts
            </button>
          </div>
        </header>
        {help && <ShortcutHelp onClose={() => setHelp(false)} />}
        <nav className="console-jump" aria-label="Console sections">
          <a href="#agenda-title">Agenda</a>
          <a href="#console-room-title">Room</a>
          {!isOver(session) && <a href="#ack-title">Waiting for a reply</a>}
        </nav>
        {publisher.error && (
          <p className="form-error" role="alert">
            {publisher.error}
          </p>
        )}
        <div className="console-grid">
          <section className="console-agenda" aria-labelledby="agenda-title">
            <h2 id="agenda-title">Agenda</h2>
            <AgendaEditor
              session={session}
              questions={live.questions}
              agendaPublic={live.agendaPublic ?? Boolean(session.agenda_public)}
              publisher={publisher}
              onQuestion={onQuestion}
              onQuestions={(questions) => dispatch({ type: 'questions', questions })}
              onRemoved={(id) => dispatch({ type: 'question-removed', id })}
              onAgendaPublic={(value) => dispatch({ type: 'agenda-public', value })}
            />
          </section>
          <section className="console-room" aria-labelledby="console-room-title">
            <h2 id="console-room-title">Room</h2>
            {banner && <QuestionBanner session={session} current={live.current} onAnswer={null} />}
            <ConsoleAnsweringNow sessionId={session.id} />
            <Composer label={`Post to #${tag}`} tag={tag} onPosted={onPosted} />
            <PinnedStatuses
              statuses={live.spotlighted}
              roomTag={tag}
              renderTools={renderTools}
              onChanged={(status) => dispatch({ type: 'status', status })}
            />
            {/* Always this session's own room, never the hashtag's timeline: before the start that
                would be the previous session's statuses, with Spotlight buttons that cannot work. */}
            <RoomColumn
              tag={tag}
              session={session}
              source="room"
              filter={EVERYTHING}
              hasBadge={hasBadge}
              agendaText={agendaText}
              grouped={false}
              console
              addOwnRef={addOwnRef}
              renderTools={renderTools}
              empty={
                session.state === 'scheduled' ? (
                  <p>
                    Nobody has posted yet. Statuses with #{tag} join this session’s room from 15 minutes
                    before its start.
                  </p>
                ) : (
                  <p>Nobody has posted yet.</p>
                )
              }
            />
          </section>
          <aside className="console-side" aria-label="Live numbers and acknowledgements">
            <section aria-labelledby="numbers-title">
              <h2 id="numbers-title">Live numbers</h2>
              <LiveNumbers counters={live.counters} />
            </section>
            <section aria-labelledby="highlights-title">
              <h2 id="highlights-title">Highlights</h2>
              <HighlightsSetting
                session={session}
                onSaved={(s) => dispatch({ type: 'session', session: s })}
              />
            </section>
            {!isOver(session) && (
              <section aria-labelledby="ack-title">
                <h2 id="ack-title">Waiting for a reply</h2>
                <p className="muted">People who posted and have had no reply or like from a host yet.</p>
                <AcknowledgementList sessionId={session.id} roomTag={tag} selfId={selfId} />
              </section>
            )}
          </aside>
        </div>
      </div>
    </RoomRolesProvider>
  );
}
