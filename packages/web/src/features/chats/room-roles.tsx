import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type ChatRole, roleOf } from './chat-roles';

const RoomRolesContext = createContext<(accountId: string) => ChatRole | null>(() => null);

/** Lets status cards in a chat's room badge the statuses of its hosts, co-hosts and guests. */
export function RoomRolesProvider({
  chat,
  session,
  children,
}: {
  chat: Chat | null;
  session: ChatSession | null;
  children: ReactNode;
}) {
  const lookup = useMemo(
    () => (chat ? (accountId: string) => roleOf(accountId, chat, session) : () => null),
    [chat, session],
  );
  return <RoomRolesContext.Provider value={lookup}>{children}</RoomRolesContext.Provider>;
}

/** The badge of an author in the current room, or null outside a chat's room. */
export function useRoomRole(accountId: string): ChatRole | null {
  return useContext(RoomRolesContext)(accountId);
}
