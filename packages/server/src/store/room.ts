import type { CuratedReason } from '@hashchat/core/chat/curated';
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, RoomState, SessionStatusesTable } from './schema';

export type RoomRow = Selectable<SessionStatusesTable>;

/** A session that may take a status, with what the room index needs of its chat. */
export interface OpenSession {
  id: number;
  chat_id: number;
  state: string;
  starts_at: number;
  ends_at: number;
  started_at: number | null;
  ended_at: number | null;
  extra_tag: string | null;
  owner_id: number;
  tag_name: string;
}

const openSessionColumns = [
  's.id',
  's.chat_id',
  's.state',
  's.starts_at',
  's.ends_at',
  's.started_at',
  's.ended_at',
  's.extra_tag',
  'c.owner_id',
  'c.tag_name',
] as const;

/**
 * Sessions live now or about to start (within `graceMs`) whose chat's hashtag is one of `tags`,
 * plus those with any extra tag (the caller matches it): one lookup on the sessions' state index.
 */
export function openSessionsForTags(
  db: Kysely<Database>,
  tags: string[],
  now: number,
  graceMs: number,
): Promise<OpenSession[]> {
  // SQL text: this runs for every status with a hashtag (docs/performance.md, change 9).
  return sql<OpenSession>`select ${sql.join(openSessionColumns.map((c) => sql.ref(c)))}
    from chat_sessions as s inner join chats as c on c.id = s.chat_id
    where (s.state = 'live' or (s.state = 'scheduled' and s.starts_at <= ${now + graceMs} and s.ends_at > ${now}))
      and (c.tag_name in (${sql.join(tags)}) or s.extra_tag is not null)`
    .execute(db)
    .then((r) => r.rows);
}

export function findOpenSession(db: Kysely<Database>, sessionId: number): Promise<OpenSession | undefined> {
  return db
    .selectFrom('chat_sessions as s')
    .innerJoin('chats as c', 'c.id', 's.chat_id')
    .select(openSessionColumns)
    .where('s.id', '=', sessionId)
    .executeTakeFirst() as Promise<OpenSession | undefined>;
}

/** The rooms a status is in (for a reply: its parent's), with their sessions. */
export function roomsOfStatus(
  db: Kysely<Database>,
  statusId: number,
): Promise<(OpenSession & { kind: RoomRow['kind']; question_number: number | null })[]> {
  return db
    .selectFrom('session_statuses as ss')
    .innerJoin('chat_sessions as s', 's.id', 'ss.session_id')
    .innerJoin('chats as c', 'c.id', 's.chat_id')
    .select([...openSessionColumns, 'ss.kind', 'ss.question_number'])
    .where('ss.status_id', '=', statusId)
    .execute() as Promise<(OpenSession & { kind: RoomRow['kind']; question_number: number | null })[]>;
}

/** The author's place in a session: co-host of its chat and/or one of its guests. */
export async function authorStanding(
  db: Kysely<Database>,
  chatId: number,
  sessionId: number,
  accountId: number,
): Promise<{ coHost: boolean; guest: boolean }> {
  const [co, guest] = await Promise.all([
    db
      .selectFrom('chat_co_hosts')
      .select('account_id')
      .where('chat_id', '=', chatId)
      .where('account_id', '=', accountId)
      .executeTakeFirst(),
    db
      .selectFrom('chat_session_guests')
      .select('account_id')
      .where('session_id', '=', sessionId)
      .where('account_id', '=', accountId)
      .executeTakeFirst(),
  ]);
  return { coHost: co !== undefined, guest: guest !== undefined };
}

export async function insertRoomRows(
  db: Kysely<Database>,
  rows: Insertable<SessionStatusesTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('session_statuses')
    .values(rows)
    .onConflict((oc) => oc.columns(['session_id', 'status_id']).doNothing())
    .execute();
}

export interface RoomQuery {
  sessionId: number;
  viewerId: number | null;
  /** Every room state (the host console); otherwise visible ones plus the viewer's own muted/pending. */
  allStates: boolean;
  accountIds: number[] | null;
  /** Only statuses on the session's curated stream. */
  curatedOnly?: boolean;
  questionNumber: number | null;
  maxId: number | null;
  sinceId: number | null;
  minId: number | null;
  limit: number;
}

/** One page of a room, newest first (keyset on status id). */
export async function listRoom(db: Kysely<Database>, q: RoomQuery): Promise<RoomRow[]> {
  let sel = db.selectFrom('session_statuses').selectAll().where('session_id', '=', q.sessionId);
  if (q.questionNumber !== null) sel = sel.where('question_number', '=', q.questionNumber);
  if (q.curatedOnly) sel = sel.where('curated', 'is not', null);
  if (q.accountIds !== null) {
    if (q.accountIds.length === 0) return [];
    sel = sel.where('account_id', 'in', q.accountIds);
  }
  if (!q.allStates) {
    const viewer = q.viewerId;
    sel = sel.where((eb) =>
      viewer === null
        ? eb('room_state', '=', 'visible')
        : eb.or([
            eb('room_state', '=', 'visible'),
            eb.and([eb('account_id', '=', viewer), eb('room_state', 'in', ['muted', 'pending'])]),
          ]),
    );
  }
  if (q.maxId !== null) sel = sel.where('status_id', '<', q.maxId);
  if (q.sinceId !== null) sel = sel.where('status_id', '>', q.sinceId);
  if (q.minId !== null) {
    const rows = await sel
      .where('status_id', '>', q.minId)
      .orderBy('status_id', 'asc')
      .limit(q.limit)
      .execute();
    return rows.reverse();
  }
  return sel.orderBy('status_id', 'desc').limit(q.limit).execute();
}

export async function roomRowsFor(
  db: Kysely<Database>,
  sessionId: number,
  statusIds: number[],
): Promise<Map<number, RoomRow>> {
  if (statusIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('session_statuses')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status_id', 'in', statusIds)
    .execute();
  return new Map(rows.map((r) => [Number(r.status_id), r]));
}

export const findRoomRow = (db: Kysely<Database>, sessionId: number, statusId: number) =>
  db
    .selectFrom('session_statuses')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status_id', '=', statusId)
    .executeTakeFirst();

/** Every room a status is in (before it is deleted: its rows go with it). */
export const roomRowsOfStatus = (db: Kysely<Database>, statusId: number) =>
  db.selectFrom('session_statuses').selectAll().where('status_id', '=', statusId).execute();

/**
 * Claims the session's sample slot for a status (core/chat/curated.ts `admitsToSample`, as
 * one compare-and-set on the session's row): true when `slot` is later than the last sample's
 * and `accountId` did not write it. Two writers racing for a slot: PostgreSQL makes the second
 * wait for the first's commit and re-check, so it loses; SQLite has one writer. Otherwise
 * returns the last sample, for the caller to remember.
 */
export async function claimSample(
  db: Kysely<Database>,
  sessionId: number,
  slot: number,
  accountId: number,
): Promise<{ won: true } | { won: false; last: { slot: number; accountId: number } | null }> {
  await db
    .insertInto('curated_samples')
    .values({ session_id: sessionId, slot: -1, account_id: 0 })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute();
  const res = await db
    .updateTable('curated_samples')
    .set({ slot, account_id: accountId })
    .where('session_id', '=', sessionId)
    .where('slot', '<', slot)
    .where('account_id', '<>', accountId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return { won: true };
  const row = await db
    .selectFrom('curated_samples')
    .select(['slot', 'account_id'])
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return { won: false, last: row ? { slot: Number(row.slot), accountId: Number(row.account_id) } : null };
}

/**
 * Puts a room status on the session's curated stream (spotlighted, approved) unless it is
 * there already; true when it was not, so the caller sends its `update` to curated readers.
 */
export async function markCurated(
  db: Kysely<Database>,
  sessionId: number,
  statusId: number,
  reason: CuratedReason,
  now: number,
): Promise<boolean> {
  const res = await db
    .updateTable('session_statuses')
    .set({ curated: reason, curated_at: now })
    .where('session_id', '=', sessionId)
    .where('status_id', '=', statusId)
    .where('curated', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function setSpotlight(
  db: Kysely<Database>,
  sessionId: number,
  statusId: number,
  at: number | null,
): Promise<boolean> {
  const res = await db
    .updateTable('session_statuses')
    .set({ spotlighted_at: at })
    .where('session_id', '=', sessionId)
    .where('status_id', '=', statusId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Spotlighted statuses visible to everyone, latest spotlight first. */
export async function spotlightedIds(db: Kysely<Database>, sessionId: number, limit = 20): Promise<number[]> {
  const rows = await db
    .selectFrom('session_statuses')
    .select('status_id')
    .where('session_id', '=', sessionId)
    .where('spotlighted_at', 'is not', null)
    .where('room_state', '=', 'visible')
    .orderBy('spotlighted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.status_id));
}

/** Distinct authors, statuses, and statuses since `since`, of a room's visible statuses. */
export async function roomTotals(
  db: Kysely<Database>,
  sessionId: number,
  since: number,
): Promise<{ participants: number; statuses: number; recent: number }> {
  const row = await db
    .selectFrom('session_statuses')
    .select([
      sql<number>`COUNT(DISTINCT account_id)`.as('participants'),
      sql<number>`COUNT(*)`.as('statuses'),
      sql<number>`SUM(CASE WHEN created_at > ${since} THEN 1 ELSE 0 END)`.as('recent'),
    ])
    .where('session_id', '=', sessionId)
    .where('room_state', '=', 'visible')
    .executeTakeFirst();
  return {
    participants: Number(row?.participants ?? 0),
    statuses: Number(row?.statuses ?? 0),
    recent: Number(row?.recent ?? 0),
  };
}

/**
 * Participants (not `hostIds`) with visible statuses in the room none of which has a reply or
 * a favourite from a host: who is still waiting to be acknowledged, longest-waiting first.
 */
export async function unacknowledged(
  db: Kysely<Database>,
  sessionId: number,
  hostIds: number[],
  limit: number,
): Promise<{ account_id: number; statuses_count: number; last_status_id: number; first_at: number }[]> {
  const rows = await db
    .selectFrom('session_statuses as ss')
    .select([
      'ss.account_id',
      sql<number>`COUNT(*)`.as('statuses_count'),
      sql<number>`MAX(ss.status_id)`.as('last_status_id'),
      sql<number>`MIN(ss.created_at)`.as('first_at'),
    ])
    .where('ss.session_id', '=', sessionId)
    .where('ss.room_state', '=', 'visible')
    .where('ss.account_id', 'not in', hostIds)
    .where('ss.account_id', 'not in', (eb) =>
      eb
        .selectFrom('session_statuses as a')
        .select('a.account_id')
        .where('a.session_id', '=', sessionId)
        .where((w) =>
          w.or([
            w.exists(
              w
                .selectFrom('statuses as r')
                .select('r.id')
                .whereRef('r.in_reply_to_id', '=', 'a.status_id')
                .where('r.account_id', 'in', hostIds),
            ),
            w.exists(
              w
                .selectFrom('favourites as f')
                .select('f.status_id')
                .whereRef('f.status_id', '=', 'a.status_id')
                .where('f.account_id', 'in', hostIds),
            ),
          ]),
        ),
    )
    .groupBy('ss.account_id')
    .orderBy(sql`MIN(ss.created_at)`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    account_id: Number(r.account_id),
    statuses_count: Number(r.statuses_count),
    last_status_id: Number(r.last_status_id),
    first_at: Number(r.first_at),
  }));
}

export type { RoomState };

/** The session rooms a status was indexed in, with each session's chat and its owner. */
export const roomEntriesOfStatus = (db: Kysely<Database>, statusId: number) =>
  db
    .selectFrom('session_statuses as ss')
    .innerJoin('chat_sessions as s', 's.id', 'ss.session_id')
    .innerJoin('chats as c', 'c.id', 's.chat_id')
    .selectAll('ss')
    .select(['c.owner_id', 's.chat_id'])
    .where('ss.status_id', '=', statusId)
    .execute();
