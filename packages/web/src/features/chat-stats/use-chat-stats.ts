import type { ChatStats } from '@hashchat/api/entities/recap';
import { getChatStats } from '../../api/recap';
import { mapReady } from '../../app/resource-state';
import { useResource } from '../../app/use-resource';

export type ChatStatsState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; stats: ChatStats };

/** A chat's sessions side by side, loaded once. */
export function useChatStats(chatId: string): ChatStatsState {
  const { state } = useResource(() => getChatStats(chatId), [chatId]);
  return mapReady(state, (stats) => ({ stats }));
}
