import type { ChatPage } from '@hashchat/api/entities/chat';
import type { Recap } from '@hashchat/api/entities/recap';
import { getChat } from '../../api/chats';
import { getRecap } from '../../api/recap';
import { mapReady } from '../../app/resource-state';
import { useResource } from '../../app/use-resource';

export type RecapState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; recap: Recap };

/** A session's recap, loaded once; a live session's can be loaded again with `reload`. */
export function useRecap(sessionId: string): [RecapState, () => void] {
  const recap = useResource(() => getRecap(sessionId), [sessionId]);
  return [mapReady(recap.state, (value) => ({ recap: value })), recap.refresh];
}

/** The chat of a session (for its hosts and title), or null until loaded or when it fails. */
export function useChat(chatId: string | null, viewerKey: string): ChatPage | null {
  // `viewerKey` reloads on sign-in.
  const chat = useResource(async () => (chatId ? getChat(chatId) : null), [chatId, viewerKey]);
  return chat.value ?? null;
}
