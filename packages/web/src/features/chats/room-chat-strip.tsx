import type { ChatPage } from '@hashchat/api/entities/chat';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { isChatHost } from './chat-roles';
import { countdown, relativeWhen } from './format-session-time';
import { HostList } from './host-list';
import { type RoomPhase, roomPhase } from './room-phase';
import { useNow } from './use-now';

/** What screen readers hear when the phase changes (not every tick of the countdown). */
function phaseAnnouncement(phase: RoomPhase): string {
  switch (phase.kind) {
    case 'live':
      return 'The session is live.';
    case 'starting':
      return 'The session is starting.';
    case 'ended':
      return 'The session has ended.';
    default:
      return '';
  }
}

/** The strip atop a chat's room: which chat and session this is, its state, its hosts and guests. */
export function RoomChatStrip({ chat }: { chat: ChatPage }) {
  const now = useNow(1000);
  const phase = roomPhase(chat, now);
  const session = phase.kind === 'none' ? null : phase.session;
  const { account } = useSession();
  const consoleSession =
    isChatHost(account?.id, chat) && session && (session.state === 'scheduled' || session.state === 'live')
      ? session
      : null;
  return (
    <section className={`chat-strip chat-strip-${phase.kind}`} aria-label="This room's chat">
      <div className="chat-strip-top">
        <p className="chat-strip-title">
          <a href={paths.chat(chat.id)}>{chat.title}</a>
          {session && session.title !== chat.title && <span className="muted"> · {session.title}</span>}
        </p>
        <p className="chat-strip-state">
          {phase.kind === 'live' && <span className="state-pill state-live">Live</span>}
          {phase.kind === 'starting' && <span className="state-pill">Starting…</span>}
          {phase.kind === 'countdown' && (
            <span className="state-pill">
              Starts in <span className="countdown">{countdown(phase.ms)}</span>
            </span>
          )}
          {phase.kind === 'upcoming' && (
            <span>Next session {relativeWhen(new Date(phase.session.starts_at), now)}</span>
          )}
          {phase.kind === 'ended' && (
            <span>
              <span className="state-pill state-ended">Ended</span>{' '}
              <a href={paths.chat(chat.id)}>About the chat</a> ·{' '}
              <a href={paths.recap(phase.session.id)}>Recap</a> ·{' '}
              <a href={paths.transcript(phase.session.id)}>Transcript</a>
              {phase.next && <> · next session {relativeWhen(new Date(phase.next.starts_at), now)}</>}
            </span>
          )}
          {phase.kind === 'none' && <span className="muted">No session planned</span>}
        </p>
      </div>
      <HostList chat={chat} session={session} compact />
      {consoleSession && (
        <p className="chat-strip-console">
          <a className="button" href={paths.console(consoleSession.id)}>
            Host console
          </a>
        </p>
      )}
      <p className="sr-only" role="status">
        {phaseAnnouncement(phase)}
      </p>
    </section>
  );
}
