import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { badgeOf, type ChatRole, roleOf } from './chat-roles';

/** An author's standing in the room: their role, and the words of their badge. */
export interface RoomBadge {
  role: ChatRole;
  label: string;
}

const RoomRolesContext = createContext<(accountId: string) => RoomBadge | null>(() => null);

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
    () =>
      chat
        ? (accountId: string) => {
            const role = roleOf(accountId, chat, session);
            return role && { role, label: badgeOf(accountId, chat, session) ?? role };
          }
        : () => null,
    [chat, session],
  );
  return <RoomRolesContext.Provider value={lookup}>{children}</RoomRolesContext.Provider>;
}

/** The badge of an author in the current room, or null outside a chat's room. */
export function useRoomRole(accountId: string): ChatRole | null {
  return useContext(RoomRolesContext)(accountId)?.role ?? null;
}

/** The role and badge words of an author in the current room (a guest's title), or null. */
export function useRoomBadge(accountId: string): RoomBadge | null {
  return useContext(RoomRolesContext)(accountId);
}
