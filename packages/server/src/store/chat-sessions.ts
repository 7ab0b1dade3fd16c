import type { Kysely, Selectable } from 'kysely';
import type { ChatEventsTable, ChatSessionState, ChatSessionsTable, Database } from './schema';

export type SessionRow = Selectable<ChatSessionsTable>;
export type EventRow = Selectable<ChatEventsTable>;
export interface GuestRow {
  account_id: number;
  badge: string;
}

export const findSessionById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('chat_sessions').selectAll().where('id', '=', id).executeTakeFirst();

export async function findSessionsByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, SessionRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('chat_sessions').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** Per chat, the session in progress or else the next one to start (not cancelled). */
export async function nextSessionsForChats(
  db: Kysely<Database>,
  chatIds: number[],
  now: number,
): Promise<Map<number, SessionRow>> {
  const out = new Map<number, SessionRow>();
  if (chatIds.length === 0) return out;
  const rows = await db
    .selectFrom('chat_sessions')
    .selectAll()
    .where('chat_id', 'in', chatIds)
    .where((eb) =>
      eb.or([eb('state', '=', 'live'), eb.and([eb('state', '=', 'scheduled'), eb('ends_at', '>', now)])]),
    )
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const chatId = Number(r.chat_id);
    const seen = out.get(chatId);
    // A live session wins over an earlier scheduled one that never started.
    if (!seen || (r.state === 'live' && seen.state !== 'live')) out.set(chatId, r);
  }
  return out;
}

export interface SessionQuery {
  chatId: number | null;
  states: ChatSessionState[];
  order: 'asc' | 'desc';
  /** Keyset cursor: strictly after (asc) or before (desc) this (starts_at, id). */
  cursor: { startsAt: number; id: number } | null;
  from: number | null;
  to: number | null;
  limit: number;
}

/** Sessions by start time (then id), one page. */
export async function listSessions(db: Kysely<Database>, q: SessionQuery): Promise<SessionRow[]> {
  let sel = db.selectFrom('chat_sessions').selectAll();
  if (q.chatId !== null) sel = sel.where('chat_id', '=', q.chatId);
  if (q.states.length > 0) sel = sel.where('state', 'in', q.states);
  if (q.from !== null) sel = sel.where('ends_at', '>', q.from);
  if (q.to !== null) sel = sel.where('starts_at', '<', q.to);
  if (q.cursor) {
    const { startsAt, id } = q.cursor;
    const op = q.order === 'asc' ? '>' : '<';
    sel = sel.where((eb) =>
      eb.or([eb('starts_at', op, startsAt), eb.and([eb('starts_at', '=', startsAt), eb('id', op, id)])]),
    );
  }
  return sel.orderBy('starts_at', q.order).orderBy('id', q.order).limit(q.limit).execute();
}

/** Sessions of chats an account follows that overlap [from, to), for the personal calendar. */
export function sessionsOfFollowedChats(
  db: Kysely<Database>,
  accountId: number,
  from: number,
  to: number,
  limit: number,
) {
  return db
    .selectFrom('chat_sessions as s')
    .innerJoin('chat_follows as f', 'f.chat_id', 's.chat_id')
    .selectAll('s')
    .where('f.account_id', '=', accountId)
    .where('s.ends_at', '>', from)
    .where('s.starts_at', '<', to)
    .orderBy('s.starts_at')
    .limit(limit)
    .execute();
}

export async function guestsForSessions(
  db: Kysely<Database>,
  sessionIds: number[],
): Promise<Map<number, GuestRow[]>> {
  const out = new Map<number, GuestRow[]>();
  if (sessionIds.length === 0) return out;
  const rows = await db
    .selectFrom('chat_session_guests')
    .select(['session_id', 'account_id', 'badge'])
    .where('session_id', 'in', [...new Set(sessionIds)])
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.session_id)) ?? [];
    list.push({ account_id: Number(r.account_id), badge: r.badge });
    out.set(Number(r.session_id), list);
  }
  return out;
}

export async function findEventsByIds(db: Kysely<Database>, ids: number[]): Promise<Map<number, EventRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('chat_events').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** Replaces a session's guests (order kept). */
export async function setSessionGuests(
  db: Kysely<Database>,
  sessionId: number,
  guests: GuestRow[],
): Promise<void> {
  await db.deleteFrom('chat_session_guests').where('session_id', '=', sessionId).execute();
  if (guests.length === 0) return;
  await db
    .insertInto('chat_session_guests')
    .values(
      guests.map((g, position) => ({
        session_id: sessionId,
        account_id: g.account_id,
        badge: g.badge,
        position,
      })),
    )
    .execute();
}

export interface DirectoryQuery {
  states: ChatSessionState[];
  /** Sessions overlapping [from, to). */
  from: number;
  to: number;
  category: number | null;
  language: string | null;
  q: string | null;
  limit: number;
  /** Only each chat's first session in the range (the directory's "Later": a chat's next one). */
  firstPerChat?: boolean;
}

/** Sessions for the directory's sections, by start time, filtered by their chat. */
export async function listDirectorySessions(
  db: Kysely<Database>,
  d: DirectoryQuery,
  like: 'like' | 'ilike',
): Promise<SessionRow[]> {
  let sel = db
    .selectFrom('chat_sessions as s')
    .innerJoin('chats as c', 'c.id', 's.chat_id')
    .selectAll('s')
    .where('s.state', 'in', d.states)
    .where('s.ends_at', '>', d.from)
    .where('s.starts_at', '<', d.to);
  if (d.firstPerChat) {
    sel = sel.where('s.starts_at', '=', (eb) =>
      eb
        .selectFrom('chat_sessions as f')
        .select((f) => f.fn.min('f.starts_at').as('first'))
        .whereRef('f.chat_id', '=', 's.chat_id')
        .where('f.state', 'in', d.states)
        .where('f.ends_at', '>', d.from)
        .where('f.starts_at', '<', d.to),
    );
  }
  if (d.category !== null) sel = sel.where('c.category_id', '=', d.category);
  if (d.language !== null) sel = sel.where('c.language', '=', d.language);
  if (d.q) {
    const pattern = `%${d.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    sel = sel.where((eb) =>
      eb.or([
        eb('c.title', like, pattern),
        eb('c.description', like, pattern),
        eb('c.tag_name', 'like', pattern),
        eb('s.title', like, pattern),
      ]),
    );
  }
  return sel.orderBy('s.starts_at').orderBy('s.id').limit(d.limit).execute();
}

/** The live town-hall sessions of these chats that take questions by a marker, with their marker. */
export async function liveTownHallMarkers(db: Kysely<Database>, chatIds: number[]) {
  const rows = await db
    .selectFrom('chat_sessions')
    .select(['id', 'submission_marker'])
    .where('chat_id', 'in', chatIds)
    .where('state', '=', 'live')
    .where('town_hall', '=', 1)
    .where('submission_marker', 'is not', null)
    .execute();
  return rows.map((s) => ({ id: Number(s.id), marker: s.submission_marker! }));
}
