import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import { useEffect, useState } from 'react';
import { loadFailure } from '../../api/api-error';
import { getChat } from '../../api/chats';
import { getChatSession } from '../../api/live';

export type SessionChatLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; session: ChatSession; chat: ChatPage };

/** A session and its chat (hosts, hashtag), read again when the viewer signs in or out. */
export function useSessionChat(sessionId: string, viewerKey: string): SessionChatLoad {
  const [state, setState] = useState<SessionChatLoad>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: signing in or out changes what the viewer may do
  useEffect(() => {
    let active = true;
    getChatSession(sessionId)
      .then(async (session) => ({ session, chat: await getChat(session.chat_id) }))
      .then(
        ({ session, chat }) => active && setState({ status: 'ready', session, chat }),
        (err) => active && setState(loadFailure(err)),
      );
    return () => {
      active = false;
    };
  }, [sessionId, viewerKey]);
  return state;
}
