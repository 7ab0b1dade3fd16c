import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { StatusRow } from '../store/statuses';
import { repliesTo, replyChain } from '../store/threads';
import { visibleStatusIds } from './visibility';

/** How far `/context` reaches: ancestors up the chain, levels of replies, replies read per status, replies in all. */
export const CONTEXT_LIMITS = { ancestors: 40, depth: 21, repliesPerStatus: 100, descendants: 200 } as const;

/**
 * A status's thread as ids: its ancestors (oldest first, up to the first one the viewer may not
 * see) and its descendants in Mastodon's order (depth-first, replies by id), leaving out every
 * reply the viewer may not see together with the replies below it. One query for the ancestors
 * and two per level of replies, however wide the thread.
 */
export async function statusContext(
  db: Kysely<Database>,
  row: Pick<StatusRow, 'id' | 'in_reply_to_id'>,
  viewerId: number | null,
): Promise<{ ancestors: number[]; descendants: number[] }> {
  const [ancestors, descendants] = await Promise.all([
    ancestorIds(db, row.in_reply_to_id, viewerId),
    descendantIds(db, Number(row.id), viewerId),
  ]);
  return { ancestors, descendants };
}

async function ancestorIds(db: Kysely<Database>, parentId: number | null, viewerId: number | null) {
  if (parentId === null) return [];
  const chain = await replyChain(db, Number(parentId), CONTEXT_LIMITS.ancestors);
  const seen = await visibleStatusIds(db, chain, viewerId);
  // The chain stops at the first ancestor the viewer may not see: what is above it is its context.
  const visible = chain.findIndex((id) => !seen.has(id));
  return (visible === -1 ? chain : chain.slice(0, visible)).reverse();
}

/**
 * Reads the replies level by level. Each level is kept in depth-first order, so only its first
 * `descendants` statuses can appear in the answer, and only their replies are read next.
 */
async function descendantIds(db: Kysely<Database>, rootId: number, viewerId: number | null) {
  const replies = new Map<number, number[]>();
  let level = [rootId];
  for (let depth = 1; depth <= CONTEXT_LIMITS.depth && level.length > 0; depth += 1) {
    const rows = await repliesTo(db, level, CONTEXT_LIMITS.repliesPerStatus);
    const seen = await visibleStatusIds(
      db,
      rows.map((r) => r.id),
      viewerId,
    );
    for (const r of rows) {
      if (!seen.has(r.id)) continue;
      const list = replies.get(r.parentId);
      if (list) list.push(r.id);
      else replies.set(r.parentId, [r.id]);
    }
    level = level.flatMap((id) => replies.get(id) ?? []).slice(0, CONTEXT_LIMITS.descendants);
  }
  const out: number[] = [];
  const visit = (id: number) => {
    for (const reply of replies.get(id) ?? []) {
      if (out.length >= CONTEXT_LIMITS.descendants) return;
      out.push(reply);
      visit(reply);
    }
  };
  visit(rootId);
  return out;
}
