import type { ChatPage } from '@hashchat/api/entities/chat';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { chatByTag, getChat } from '../../api/chats';
import { streamUrls, subscribeStream } from '../../api/streaming';
import { applyChatChange, applySessionChange } from './chat-page-state';

export type ChatPageState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; page: ChatPage };

/**
 * A chat page (by id, or by the hashtag it holds), kept current from the chat's stream: sessions
 * going live, ending, moving. `viewerKey` reloads it when the viewer signs in or out.
 */
export function useChatPage(
  source: { id: string } | { tag: string },
  viewerKey: string,
): [ChatPageState, (update: (page: ChatPage) => ChatPage) => void] {
  const [state, setState] = useState<ChatPageState>({ status: 'loading' });
  const key = 'id' in source ? `id:${source.id}` : `tag:${source.tag}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `source`; `viewerKey` changes `following`
  useEffect(() => {
    let active = true;
    const load = 'id' in source ? getChat(source.id) : chatByTag(source.tag);
    load.then(
      (page) => active && setState(page ? { status: 'ready', page } : { status: 'missing' }),
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
  }, [key, viewerKey]);

  const chatId = state.status === 'ready' ? state.page.id : null;
  useEffect(() => {
    if (!chatId) return;
    return subscribeStream(streamUrls.chat(chatId), {
      onEvent(event) {
        setState((current) => {
          if (current.status !== 'ready') return current;
          if (event.event === 'chat.session')
            return { ...current, page: applySessionChange(current.page, event.payload) };
          if (event.event === 'chat.update')
            return { ...current, page: applyChatChange(current.page, event.payload) };
          if (event.event === 'chat.delete' && event.payload.id === current.page.id)
            return { status: 'missing' };
          return current;
        });
      },
    });
  }, [chatId]);

  const update = (fn: (page: ChatPage) => ChatPage) =>
    setState((current) => (current.status === 'ready' ? { ...current, page: fn(current.page) } : current));
  return [state, update];
}
