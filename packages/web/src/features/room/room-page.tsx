import type { ChatPage } from '@hashchat/api/entities/chat';
import type { Status } from '@hashchat/api/entities/status';
import type { Tag } from '@hashchat/api/entities/tag';
import { useCallback } from 'react';
import { streamUrls } from '../../api/streaming';
import { tagTimeline } from '../../api/timelines';
import { useSession, viewerKey } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { Skeleton } from '../../app/waiting';
import { relativeWhen } from '../chats/format-session-time';
import { RoomChatStrip } from '../chats/room-chat-strip';
import { RoomRolesProvider } from '../chats/room-roles';
import { useChatPage } from '../chats/use-chat-page';
import { useNow } from '../chats/use-now';
import { Composer } from '../composer/composer';
import { LiveRoom } from '../live/live-room';
import { liveRoomSession } from '../live/room-session';
import { RoomModerationProvider } from '../moderation/room-moderation-context';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';
import { RoomAside } from './room-aside';
import { RoomHeader } from './room-header';
import { SignInPrompt } from './sign-in-prompt';
import { useTag } from './use-tag';

/**
 * The room of a hashtag: its statuses, newest first, live, with a composer that adds the tag.
 * Around a session of the chat holding the hashtag it becomes that session's live room.
 */
export function RoomPage({ name }: { name: string }) {
  const { state: session, account } = useSession();
  useTitle(`#${name}`);
  const [tag, setTag] = useTag(name, account?.id ?? 'anonymous');
  const [chatState] = useChatPage({ tag: name }, viewerKey(session));
  const chat = chatState.status === 'ready' ? chatState.page : null;
  // Coarse: the countdown itself ticks in the chat strip.
  const now = useNow(15_000);
  const liveSession = chat ? liveRoomSession(chat, now) : null;

  return (
    <RoomRolesProvider chat={chat} session={liveSession ?? chat?.next_session ?? null}>
      <RoomModerationProvider chat={chat} session={liveSession ?? chat?.next_session ?? null}>
        {chatState.status === 'loading' ? (
          // Until we know whether a chat holds the hashtag: the room's shape, not a plain
          // hashtag room that would be read and then swapped for the chat's.
          <RoomSkeleton name={name} />
        ) : chat && liveSession ? (
          <LiveRoom
            key={liveSession.id}
            name={name}
            chat={chat}
            session={liveSession}
            tag={tag}
            onTagChange={setTag}
          />
        ) : (
          <TagRoom name={name} chat={chat} tag={tag} onTagChange={setTag} />
        )}
      </RoomModerationProvider>
    </RoomRolesProvider>
  );
}

/**
 * The room while it is being read: grey statuses only, which the room replaces (its strip and
 * heading would otherwise be pushed down by the chat's strip arriving above them).
 */
function RoomSkeleton({ name }: { name: string }) {
  return (
    <div className="room-layout">
      <section className="room-main" aria-label={`#${name}`} aria-busy="true">
        <Skeleton count={4} />
      </section>
    </div>
  );
}

/** A hashtag room with no session around: the tag's timeline, live. */
function TagRoom({
  name,
  chat,
  tag,
  onTagChange,
}: {
  name: string;
  chat: ChatPage | null;
  tag: Tag | null;
  onTagChange(tag: Tag): void;
}) {
  const { state: session, account } = useSession();
  const load = useCallback((maxId?: string) => tagTimeline(name, maxId), [name]);
  const timeline = useLiveTimeline({ load, streamUrl: streamUrls.hashtag(name) });
  const { dispatch } = timeline;
  const onPosted = useCallback((status: Status) => dispatch({ type: 'own', status }), [dispatch]);

  return (
    <div className="room-layout">
      <section className="room-main" aria-labelledby="room-title">
        {chat && <RoomChatStrip chat={chat} />}
        <RoomHeader
          name={name}
          tag={tag}
          arrived={timeline.state.arrived}
          signedIn={account !== null}
          onTagChange={onTagChange}
        />
        {account && <Composer label={`Post to #${name}`} tag={name} onPosted={onPosted} />}
        {session.status === 'anonymous' && (
          <SignInPrompt tag={name} next={`/tags/${encodeURIComponent(name)}`} />
        )}
        <LiveFeed
          timeline={timeline}
          roomTag={name}
          pauseControl
          keyboard
          empty={
            <p>
              No posts in #{name} yet.{' '}
              {chat?.next_session && chat.next_session.state !== 'live' && (
                <>
                  The next session of “{chat.title}” starts{' '}
                  {relativeWhen(new Date(chat.next_session.starts_at), new Date())}.{' '}
                </>
              )}
              {account ? 'Start the conversation above.' : 'Sign in to start the conversation.'}
            </p>
          }
        />
      </section>
      <RoomAside tag={name} />
    </div>
  );
}
