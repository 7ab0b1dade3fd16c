import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import type { ChatPage, ChatSession } from '../../api/chat-types';
import { getChat } from '../../api/chats';
import { getChatSession } from '../../api/live';

export type ConsoleLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; session: ChatSession; chat: ChatPage };

/** The session a console runs and its chat (for its hosts, hashtag and guests). */
export function useConsoleSession(sessionId: string, viewerKey: string): ConsoleLoad {
  const [state, setState] = useState<ConsoleLoad>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: signing in or out changes what the viewer may do
  useEffect(() => {
    let active = true;
    (async () => {
      const session = await getChatSession(sessionId);
      const chat = await getChat(session.chat_id);
      return { session, chat };
    })().then(
      ({ session, chat }) => active && setState({ status: 'ready', session, chat }),
      (err) =>
        active &&
        setState(
          err instanceof ApiError && err.status === 404
            ? { status: 'missing' }
            : { status: 'error', error: errorMessage(err) },
        ),
    );
    return () => {
      active = false;
    };
  }, [sessionId, viewerKey]);
  return state;
}
