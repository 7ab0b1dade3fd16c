import '../../styles/moderation-page.css';
import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import { useCallback, useState } from 'react';
import { paths } from '../../app/routes';
import { useSession, viewerKey } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { isChatHost } from '../chats/chat-roles';
import { TownHallAdmin } from '../town-hall/town-hall-admin';
import { ModerationLog } from './moderation-log';
import { ModerationQueue } from './moderation-queue';
import { ModerationSettingsForm } from './moderation-settings-form';
import { useSessionChat } from './use-session-chat';

/** A session's moderation: the review queue, town-hall curation, the room rules and the log (hosts). */
export function ModerationPage({ sessionId }: { sessionId: string }) {
  const { state: auth, account } = useSession();
  const load = useSessionChat(sessionId, viewerKey(auth));
  useTitle(load.status === 'ready' ? `Moderation · ${load.chat.title}` : 'Moderation');

  if (load.status !== 'ready' || !account || !isChatHost(account.id, load.chat)) {
    return (
      <section className="column" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          Moderation
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
            <a href={paths.signIn(paths.moderation(sessionId))}>Sign in</a> as a host of this chat to moderate
            its room.
          </p>
        )}
        {load.status === 'ready' && account && (
          <p>
            Only the hosts of “{load.chat.title}” moderate its room. Something wrong there? Report it from the
            status's “More” menu in <a href={paths.room(load.chat.hashtag)}>the room</a>.
          </p>
        )}
      </section>
    );
  }
  return <Moderation chat={load.chat} session={load.session} />;
}

function Moderation({ chat, session }: { chat: ChatPage; session: ChatSession }) {
  // Acting in one section changes what the log shows.
  const [version, setVersion] = useState(0);
  const acted = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <div className="moderation-page">
      <header className="page-head">
        <p className="eyebrow">
          Moderation · <a href={paths.chat(chat.id)}>{chat.title}</a>
          {session.title !== chat.title && ` · ${session.title}`}
        </p>
        <h1 id="page-title" tabIndex={-1}>
          #{chat.hashtag}
        </h1>
        <p className="chat-actions">
          <a className="button" href={paths.room(chat.hashtag)}>
            Open the room
          </a>
          <a className="button" href={paths.console(session.id)}>
            Host console
          </a>
        </p>
      </header>
      <div className="moderation-grid">
        <section aria-labelledby="queue-title" className="moderation-queue">
          <h2 id="queue-title">Waiting for review</h2>
          <ModerationQueue sessionId={session.id} onActed={acted} />
        </section>
        <div className="moderation-side">
          <section aria-labelledby="town-hall-title">
            <h2 id="town-hall-title">Town hall</h2>
            <TownHallAdmin sessionId={session.id} onActed={acted} />
          </section>
          <section aria-labelledby="rules-title">
            <h2 id="rules-title">Room rules</h2>
            <ModerationSettingsForm chatId={chat.id} onSaved={acted} />
          </section>
          <section aria-labelledby="log-title">
            <h2 id="log-title">Moderation log</h2>
            <ModerationLog sessionId={session.id} version={version} />
          </section>
        </div>
      </div>
    </div>
  );
}
