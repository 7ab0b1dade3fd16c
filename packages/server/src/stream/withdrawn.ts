import type { StoredEvent } from '../store/events';

type Backlogged = StoredEvent & { topic: string };

/**
 * Drops, from a catch-up backlog, each `update` of a status that a later event in the same
 * backlog withdraws (`delete` on that topic: deleted, or hidden by a chat's moderators). Live
 * readers got the update and then the delete; a reader resuming from before both must not be
 * handed the withdrawn text at all, or replaying from an old Last-Event-ID would read back
 * every status hidden since. A status let in again (unhidden) has a newer `update`, which stays.
 */
export function withoutWithdrawn(backlog: Backlogged[]): Backlogged[] {
  // The usual backlog withdraws nothing: no payload is parsed then.
  const withdrawnAt = new Map<string, number>();
  for (const e of backlog) if (e.event === 'delete') withdrawnAt.set(`${e.topic} ${e.payload}`, e.id);
  if (withdrawnAt.size === 0) return backlog;
  return backlog.filter((e) => {
    if (e.event !== 'update') return true;
    const at = withdrawnAt.get(`${e.topic} ${statusId(e.payload)}`);
    return at === undefined || at < e.id;
  });
}

function statusId(payload: string): string | null {
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
