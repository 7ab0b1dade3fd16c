import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useSession } from '../../app/session-context';
import { isChatHost } from '../chats/chat-roles';

/** The chat a room belongs to, as status cards need it to report and moderate. */
export interface RoomModeration {
  chatId: string;
  hashtag: string;
  /** The session around the room, for moderation actions (a status's own session wins). */
  sessionId: string | null;
  /** The viewer is a host or co-host of the chat. */
  host: boolean;
}

const RoomModerationContext = createContext<RoomModeration | null>(null);

/** Lets the status cards of a chat's room offer Report (everyone) and moderation (its hosts). */
export function RoomModerationProvider({
  chat,
  session,
  children,
}: {
  chat: Chat | null;
  session: ChatSession | null;
  children: ReactNode;
}) {
  const { account } = useSession();
  const value = useMemo(
    () =>
      chat
        ? {
            chatId: chat.id,
            hashtag: chat.hashtag,
            sessionId: session?.id ?? null,
            host: isChatHost(account?.id, chat),
          }
        : null,
    [chat, session, account],
  );
  return <RoomModerationContext.Provider value={value}>{children}</RoomModerationContext.Provider>;
}

/** The room's chat, or null outside a chat's room. */
export function useRoomModeration(): RoomModeration | null {
  return useContext(RoomModerationContext);
}
