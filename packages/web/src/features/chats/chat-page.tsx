import type { ChatSession } from '@hashchat/api/entities/chat';
import { calendarPaths } from '../../api/chats';
import { paths } from '../../app/routes';
import { useSession, viewerKey } from '../../app/session-context';
import { UnreadyPage } from '../../app/unready-page';
import { useTitle } from '../../app/use-title';
import { ModerationStats } from '../moderation/moderation-stats';
import { applySessionChange } from './chat-page-state';
import { isChatHost } from './chat-roles';
import { CopyField } from './copy-field';
import { CreatedNote } from './created-note';
import { FollowChatButton } from './follow-chat-button';
import { HostList } from './host-list';
import { languageName } from './languages';
import { MoreSessionsButton } from './more-sessions-button';
import { NextSession } from './next-session';
import { SessionList } from './session-list';
import { useChatPage } from './use-chat-page';
import { useNow } from './use-now';

function absolute(url: string): string {
  return new URL(url, window.location.origin).toString();
}

/** A chat: what it is, who hosts it, when it meets (in your time and the host's), follow, calendar, host controls. */
export function ChatPageView({ id, sessionId }: { id: string; sessionId: string | null }) {
  const { state: session, account } = useSession();
  const [state, update] = useChatPage({ id }, viewerKey(session));
  const now = useNow(30_000);
  useTitle(state.status === 'ready' ? state.page.title : 'Chat');

  if (state.status !== 'ready') {
    return (
      <UnreadyPage
        state={state}
        title="Chat"
        missingTitle="Chat not found"
        missing={
          <>
            There is no such chat here (any more). <a href={paths.chats()}>Find another in the directory</a>.
          </>
        }
      />
    );
  }

  const chat = state.page;
  const host = isChatHost(account?.id, chat);
  const onSessionChanged = (s: ChatSession) => update((page) => applySessionChange(page, s));
  const facts = [chat.category?.name, languageName(chat.language)].filter(Boolean).join(' · ');
  const calendarUrl = absolute(chat.calendar_url ?? calendarPaths.chat(chat.id));

  return (
    <article className="column chat-page" aria-labelledby="page-title">
      <header className="chat-head">
        <p className="eyebrow">Chat{facts ? ` · ${facts}` : ''}</p>
        <h1 id="page-title" tabIndex={-1}>
          {chat.title}
        </h1>
        <p className="chat-head-tag">
          <a href={paths.room(chat.hashtag)} className="chat-hashtag">
            #{chat.hashtag}
          </a>{' '}
          <span className="muted">· everything happens in this hashtag's room</span>
        </p>
        <div className="chat-actions">
          {account && (
            <FollowChatButton chat={chat} onChange={(c) => update((page) => ({ ...page, ...c }))} />
          )}
          {session.status === 'anonymous' && (
            <a className="button button-primary" href={paths.signIn(paths.chat(chat.id))}>
              Sign in to follow
            </a>
          )}
          {host && (
            <a className="button" href={paths.editChat(chat.id)}>
              Edit chat
            </a>
          )}
        </div>
        {chat.following && (
          <p className="muted">
            You follow this chat: you get a reminder before each session (
            <a href={paths.settings}>change when</a>).
          </p>
        )}
      </header>

      {host && <CreatedNote chat={chat} now={now} />}
      <NextSession chat={chat} now={now} />

      {(chat.description || chat.rules) && (
        <section aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          {chat.description && <p className="prose">{chat.description}</p>}
          {chat.rules && (
            <>
              <h3>Rules</h3>
              <p className="prose">{chat.rules}</p>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">Hosts</h2>
        <HostList chat={chat} />
      </section>

      <ModerationStats
        chatId={chat.id}
        moderationHref={host && chat.next_session ? paths.moderation(chat.next_session.id) : null}
      />

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Upcoming sessions</h2>
        {chat.upcoming_sessions.length === 0 ? (
          <p className="feed-empty">
            No session is planned.{host ? ' Edit the chat to set a new schedule.' : ''}
          </p>
        ) : (
          <SessionList
            chat={chat}
            sessions={chat.upcoming_sessions}
            label="Upcoming sessions"
            now={now}
            hostControls={host}
            highlightId={sessionId}
            onChanged={onSessionChanged}
          />
        )}
        <MoreSessionsButton
          chatId={chat.id}
          which="upcoming"
          shown={chat.upcoming_sessions.length}
          onLoaded={(list) => update((page) => ({ ...page, upcoming_sessions: list }))}
        />
      </section>

      {chat.past_sessions.length > 0 && (
        <section aria-labelledby="past-title">
          <h2 id="past-title">Past sessions</h2>
          <p>
            <a href={paths.chatStats(chat.id)}>Numbers over time</a>
            <span className="muted"> — every session side by side: participants, statuses, new people</span>
          </p>
          <SessionList
            chat={chat}
            sessions={chat.past_sessions}
            label="Past sessions"
            now={now}
            hostControls={false}
            highlightId={sessionId}
            onChanged={onSessionChanged}
          />
          <MoreSessionsButton
            chatId={chat.id}
            which="past"
            shown={chat.past_sessions.length}
            onLoaded={(list) => update((page) => ({ ...page, past_sessions: list }))}
          />
        </section>
      )}

      {chat.fediverse_handle && (
        <section aria-labelledby="fediverse-title">
          <h2 id="fediverse-title">Follow from the fediverse</h2>
          <CopyField
            label="The chat's handle"
            value={`@${chat.fediverse_handle}`}
            hint="Search for this handle in Mastodon or any fediverse app and follow it: you get every question the hosts publish and a note when a session goes live."
          />
        </section>
      )}

      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">In your calendar</h2>
        <CopyField
          label="Subscribe in your calendar app"
          value={calendarUrl}
          hint="Paste this address into your calendar app as a subscription; it follows every change to the schedule."
        />
        <p>
          <a className="button" href={calendarUrl.replace(/^https?:/, 'webcal:')}>
            Open in your calendar app
          </a>
        </p>
      </section>
    </article>
  );
}
