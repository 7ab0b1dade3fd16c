import type { ChatPage } from '@hashchat/api/entities/chat';
import type { Recap } from '@hashchat/api/entities/recap';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { getChat } from '../../api/chats';
import { getRecap } from '../../api/recap';

export type RecapState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; recap: Recap };

/** A session's recap, loaded once; a live session's can be loaded again with `reload`. */
export function useRecap(sessionId: string): [RecapState, () => void] {
  const [state, setState] = useState<RecapState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a reload
  useEffect(() => {
    let active = true;
    getRecap(sessionId).then(
      (recap) => active && setState({ status: 'ready', recap }),
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
  }, [sessionId, round]);
  return [state, () => setRound((n) => n + 1)];
}

/** The chat of a session (for its hosts and title), or null until loaded or when it fails. */
export function useChat(chatId: string | null, viewerKey: string): ChatPage | null {
  const [chat, setChat] = useState<ChatPage | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `viewerKey` reloads on sign-in
  useEffect(() => {
    if (!chatId) return;
    let active = true;
    getChat(chatId).then(
      (page) => active && setChat(page),
      () => active && setChat(null),
    );
    return () => {
      active = false;
    };
  }, [chatId, viewerKey]);
  return chat;
}
