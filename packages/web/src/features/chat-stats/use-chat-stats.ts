import type { ChatStats } from '@hashchat/api/entities/recap';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { getChatStats } from '../../api/recap';

export type ChatStatsState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; stats: ChatStats };

/** A chat's sessions side by side, loaded once. */
export function useChatStats(chatId: string): ChatStatsState {
  const [state, setState] = useState<ChatStatsState>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    getChatStats(chatId).then(
      (stats) => active && setState({ status: 'ready', stats }),
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
  }, [chatId]);
  return state;
}
