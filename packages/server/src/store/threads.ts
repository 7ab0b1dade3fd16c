import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/**
 * The reply chain above a status, nearest parent first, in one recursive query: up to `limit`
 * statuses, starting at `parentId` and ending where a parent is gone or the chain begins.
 */
export async function replyChain(db: Kysely<Database>, parentId: number, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`with recursive chain(id, in_reply_to_id, depth) as (
      select id, in_reply_to_id, 1 from statuses where id = ${parentId}
      union all
      select s.id, s.in_reply_to_id, c.depth + 1 from statuses as s join chain as c on s.id = c.in_reply_to_id
      where c.depth < ${limit}
    )
    select id from chain order by depth`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** The replies to each of these statuses, the first `perParent` of each by id, in one query. */
export async function repliesTo(
  db: Kysely<Database>,
  parentIds: number[],
  perParent: number,
): Promise<{ id: number; parentId: number }[]> {
  if (parentIds.length === 0) return [];
  const { rows } = await sql<{ id: number; in_reply_to_id: number }>`select id, in_reply_to_id from (
      select id, in_reply_to_id, row_number() over (partition by in_reply_to_id order by id) as n
      from statuses where in_reply_to_id in (${sql.join(parentIds)})
    ) as r
    where n <= ${perParent}
    order by in_reply_to_id, id`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), parentId: Number(r.in_reply_to_id) }));
}
