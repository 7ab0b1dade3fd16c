import type { ChatSession } from '@hashchat/api/entities/chat';
import { useCallback } from 'react';
import { getChatSession } from '../../api/live';
import { getContext, getStatus } from '../../api/statuses';
import { mapReady } from '../../app/resource-state';
import { useResource } from '../../app/use-resource';
import { type Thread, type ThreadAction, threadReducer } from './thread-model';

export type ThreadLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | {
      status: 'ready';
      thread: Thread;
      /** The chat session whose room the status was posted in, when the server says so. */
      session: ChatSession | null;
    };

/** A status, its thread and the session room it belongs to; read again when the viewer changes. */
export function useThread(id: string, viewerKey: string): [ThreadLoad, (action: ThreadAction) => void] {
  // `viewerKey`: signing in or out changes what the viewer may see.
  const { state, update } = useResource(async () => {
    const [status, context] = await Promise.all([getStatus(id), getContext(id)]);
    const chat = status.chat ?? status.reblog?.chat;
    // The thread stands without its room: a session that cannot be read only loses the link.
    const session = chat ? await getChatSession(chat.session_id).catch(() => null) : null;
    return { thread: { ...context, status, deleted: false } as Thread, session };
  }, [id, viewerKey]);

  const dispatch = useCallback(
    (action: ThreadAction) => update((value) => ({ ...value, thread: threadReducer(value.thread, action) })),
    [update],
  );
  return [mapReady(state, (value) => value), dispatch];
}
