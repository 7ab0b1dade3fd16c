import { type Kysely, type Selectable, sql } from 'kysely';
import type { Dialect } from './dialect';
import type { Database, FederationQueueTable } from './schema';

export type QueuedMessageRow = Selectable<FederationQueueTable>;

export interface NewQueuedMessage {
  payload: string;
  orderingKey: string | null;
  host: string | null;
  runAt: number;
}

/** Adds messages, pending from `runAt`. */
export async function enqueueMessages(
  db: Kysely<Database>,
  messages: readonly NewQueuedMessage[],
  now: number,
): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto('federation_queue')
    .values(
      messages.map((m) => ({
        payload: m.payload,
        ordering_key: m.orderingKey,
        host: m.host,
        run_at: m.runAt,
        state: 'pending' as const,
        claims: 0,
        created_at: now,
      })),
    )
    .execute();
}

/**
 * Claims up to `limit` due messages for `owner` in one statement: pending ones whose time has
 * come and running ones whose lease expired (their instance died). A message waits while an
 * older one with its ordering key is in the table, and none goes to a host in `busyHosts`.
 * PostgreSQL skips rows another instance is claiming; SQLite has one writer, so the statement is
 * atomic there as it is.
 */
export async function claimMessages(
  db: Kysely<Database>,
  dialect: Dialect,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
  busyHosts: readonly string[],
): Promise<QueuedMessageRow[]> {
  const lock = dialect.name === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const hostFilter =
    busyHosts.length > 0
      ? sql`AND (q.host IS NULL OR q.host NOT IN (${sql.join(busyHosts.map((h) => sql`${h}`))}))`
      : sql``;
  const eligible = sql`(q.ordering_key IS NULL OR NOT EXISTS (
          SELECT 1 FROM federation_queue o WHERE o.ordering_key = q.ordering_key AND o.id < q.id))
        ${hostFilter}`;
  // Due pending messages and expired claims are looked for apart, each in index order
  // (federation_queue_due_idx: state, run_at, then id), so a claim reads about `limit` rows of a
  // long backlog instead of sorting all of it; the first `limit` of the two, by run_at and id,
  // are the messages the single condition would pick.
  const res = await sql<QueuedMessageRow>`UPDATE federation_queue
    SET state = 'running', locked_by = ${owner}, locked_until = ${now + leaseMs}, claims = claims + 1
    WHERE id IN (
      SELECT id FROM (
        SELECT * FROM (
          SELECT q.id, q.run_at FROM federation_queue q
          WHERE q.state = 'pending' AND q.run_at <= ${now} AND ${eligible}
          ORDER BY q.run_at, q.id
          LIMIT ${limit}
          ${lock}
        ) AS due
        UNION ALL
        SELECT * FROM (
          SELECT q.id, q.run_at FROM federation_queue q
          WHERE q.state = 'running' AND q.locked_until < ${now} AND ${eligible}
          ORDER BY q.run_at, q.id
          LIMIT ${limit}
          ${lock}
        ) AS expired
      ) AS c
      ORDER BY run_at, id
      LIMIT ${limit}
    )
    RETURNING *`.execute(db);
  return res.rows
    .map((r) => ({ ...r, id: Number(r.id), run_at: Number(r.run_at), claims: Number(r.claims) }))
    .sort((a, b) => a.run_at - b.run_at || a.id - b.id);
}

/** Keeps the claims on messages still being handled, so no other instance takes them over. */
export async function extendLeases(
  db: Kysely<Database>,
  ids: readonly number[],
  owner: string,
  until: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('federation_queue')
    .set({ locked_until: until })
    .where('id', 'in', [...ids])
    .where('state', '=', 'running')
    .where('locked_by', '=', owner)
    .execute();
}

/** Removes a handled message; false when the claim was lost (its lease expired and was taken). */
export async function completeMessage(db: Kysely<Database>, id: number, owner: string): Promise<boolean> {
  const res = await db
    .deleteFrom('federation_queue')
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/**
 * Puts claimed messages back to pending at `runAt` (a retry after a handler threw, or claims
 * given back unrun); `unclaim` also takes back the claim count, as for messages never handed out.
 */
export async function releaseMessages(
  db: Kysely<Database>,
  ids: readonly number[],
  owner: string,
  runAt: number,
  unclaim = false,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('federation_queue')
    .set((eb) => ({
      state: 'pending',
      run_at: runAt,
      locked_by: null,
      locked_until: null,
      ...(unclaim ? { claims: eb('claims', '-', 1) } : {}),
    }))
    .where('id', 'in', [...ids])
    .where('state', '=', 'running')
    .where('locked_by', '=', owner)
    .execute();
}

/** Messages waiting (not in a live worker's hands): due now, and due later. */
export async function queueDepth(
  db: Kysely<Database>,
  now: number,
): Promise<{ ready: number; delayed: number }> {
  const res = await sql<{ ready: number | string | null; delayed: number | string | null }>`SELECT
      SUM(CASE WHEN (state = 'pending' AND run_at <= ${now}) OR (state = 'running' AND locked_until < ${now})
        THEN 1 ELSE 0 END) AS ready,
      SUM(CASE WHEN state = 'pending' AND run_at > ${now} THEN 1 ELSE 0 END) AS delayed
    FROM federation_queue`.execute(db);
  const row = res.rows[0];
  return { ready: Number(row?.ready ?? 0), delayed: Number(row?.delayed ?? 0) };
}

/** Whether any message waits in the queue, in whatever state. */
export async function hasQueuedMessages(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('federation_queue').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
