import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useSession } from '../../app/session-context';
import { isChatHost } from '../chats/chat-roles';

/** A status a host is hiding from this page ('hiding' while the request runs), shown in place. */
export type HideMark = 'hiding' | 'hidden';

/** The chat a room belongs to, as status cards need it to report and moderate. */
export interface RoomModeration {
  chatId: string;
  hashtag: string;
  /** The session around the room, for moderation actions (a status's own session wins). */
  sessionId: string | null;
  /** The viewer is a host or co-host of the chat. */
  host: boolean;
  /**
   * Statuses hidden from this page, kept where they were as "Hidden · Undo" rather than
   * vanishing with the room's `delete` event; null where hidden statuses stay anyway (the console).
   */
  hiddenHere: ReadonlyMap<string, HideMark> | null;
  markHidden(statusId: string, mark: HideMark | null): void;
}

const RoomModerationContext = createContext<RoomModeration | null>(null);

/** Lets the status cards of a chat's room offer Report (everyone) and moderation (its hosts). */
export function RoomModerationProvider({
  chat,
  session,
  keepsHidden = false,
  children,
}: {
  chat: Chat | null;
  session: ChatSession | null;
  /** The page lists hidden statuses itself (the console), so nothing is kept in their place. */
  keepsHidden?: boolean;
  children: ReactNode;
}) {
  const { account } = useSession();
  const [hidden, setHidden] = useState<ReadonlyMap<string, HideMark>>(new Map());
  const markHidden = useCallback((statusId: string, mark: HideMark | null) => {
    setHidden((now) => {
      const next = new Map(now);
      if (mark) next.set(statusId, mark);
      else next.delete(statusId);
      return next;
    });
  }, []);
  const value = useMemo(
    () =>
      chat
        ? {
            chatId: chat.id,
            hashtag: chat.hashtag,
            sessionId: session?.id ?? null,
            host: isChatHost(account?.id, chat),
            hiddenHere: keepsHidden ? null : hidden,
            markHidden,
          }
        : null,
    [chat, session, account, keepsHidden, hidden, markHidden],
  );
  return <RoomModerationContext.Provider value={value}>{children}</RoomModerationContext.Provider>;
}

/** The room's chat, or null outside a chat's room. */
export function useRoomModeration(): RoomModeration | null {
  return useContext(RoomModerationContext);
}
