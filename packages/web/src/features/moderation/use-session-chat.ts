import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import { getChat } from '../../api/chats';
import { getChatSession } from '../../api/live';
import { mapReady } from '../../app/resource-state';
import { useResource } from '../../app/use-resource';

export type SessionChatLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; session: ChatSession; chat: ChatPage };

/** A session and its chat (hosts, hashtag), read again when the viewer signs in or out. */
export function useSessionChat(sessionId: string, viewerKey: string): SessionChatLoad {
  const { state } = useResource(async () => {
    const session = await getChatSession(sessionId);
    return { session, chat: await getChat(session.chat_id) };
  }, [sessionId, viewerKey]);
  return mapReady(state, (value) => value);
}
