import type { Status } from '@hashchat/api/entities/status';
import { replaceStatus } from '../status/timeline-state';

/** A status with the statuses it replies to (oldest first) and its replies (depth first). */
export interface Thread {
  ancestors: Status[];
  status: Status;
  descendants: Status[];
  /** The status itself was deleted while the page was open. */
  deleted: boolean;
}

export type ThreadAction =
  | { type: 'changed'; status: Status }
  | { type: 'removed'; id: string }
  | { type: 'replied'; status: Status };

/**
 * Where a new reply to `parentId` goes among the descendants: after the parent and everything
 * already under it, as the server orders a thread (depth first, oldest first). -1 when the
 * parent is not the status or one of its descendants.
 */
export function replyIndex(thread: Pick<Thread, 'status' | 'descendants'>, parentId: string): number {
  const { status, descendants } = thread;
  const start = parentId === status.id ? 0 : descendants.findIndex((s) => s.id === parentId) + 1;
  if (start === 0 && parentId !== status.id) return -1;
  const under = new Set([parentId]);
  let index = start;
  while (index < descendants.length && under.has(descendants[index].in_reply_to_id ?? '')) {
    under.add(descendants[index].id);
    index += 1;
  }
  return index;
}

export function threadReducer(thread: Thread, action: ThreadAction): Thread {
  switch (action.type) {
    case 'changed': {
      const [status] = replaceStatus([thread.status], action.status);
      return {
        ...thread,
        ancestors: replaceStatus(thread.ancestors, action.status),
        status,
        descendants: replaceStatus(thread.descendants, action.status),
      };
    }
    case 'removed':
      if (action.id === thread.status.id) return { ...thread, deleted: true };
      return {
        ...thread,
        ancestors: thread.ancestors.filter((s) => s.id !== action.id),
        descendants: thread.descendants.filter((s) => s.id !== action.id),
      };
    case 'replied': {
      const reply = action.status;
      if (thread.descendants.some((s) => s.id === reply.id) || !reply.in_reply_to_id) return thread;
      const index = replyIndex(thread, reply.in_reply_to_id);
      if (index < 0) return thread;
      return {
        ...thread,
        descendants: [...thread.descendants.slice(0, index), reply, ...thread.descendants.slice(index)],
      };
    }
  }
}
