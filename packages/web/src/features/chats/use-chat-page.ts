import type { ChatPage } from '@hashchat/api/entities/chat';
import { chatByTag, getChat } from '../../api/chats';
import { streamUrls } from '../../api/streaming';
import { useResource } from '../../app/use-resource';
import { useStream } from '../../app/use-stream';
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
  const key = 'id' in source ? `id:${source.id}` : `tag:${source.tag}`;
  // `key` stands for `source`; `viewerKey` changes `following`. A null page is a missing chat.
  const resource = useResource<ChatPage | null>(
    () => ('id' in source ? getChat(source.id) : chatByTag(source.tag)),
    [key, viewerKey],
  );
  const { update } = resource;
  const state: ChatPageState =
    resource.state.status !== 'ready'
      ? resource.state
      : resource.state.value
        ? { status: 'ready', page: resource.state.value }
        : { status: 'missing' };

  const chatId = state.status === 'ready' ? state.page.id : null;
  useStream(chatId ? streamUrls.chat(chatId) : null, (event) =>
    update((page) => {
      if (!page) return page;
      if (event.event === 'chat.session') return applySessionChange(page, event.payload);
      if (event.event === 'chat.update') return applyChatChange(page, event.payload);
      if (event.event === 'chat.delete' && event.payload.id === page.id) return null;
      return page;
    }),
  );

  const updatePage = (fn: (page: ChatPage) => ChatPage) => update((page) => (page ? fn(page) : page));
  return [state, updatePage];
}
