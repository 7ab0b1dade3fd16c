import { type Kysely, type Selectable, sql } from 'kysely';
import type { SessionRow } from './chat-sessions';
import type { MediaRow } from './media';
import type { Database, RoomKind, RoomState, SessionRecapsTable } from './schema';
import type { StatusRow } from './statuses';

/**
 * Reads of a session's room for transcripts, recaps and stats. Only what the public may see:
 * room_state 'visible', public or unlisted, no reblogs. Every read is one query over the
 * session (joins, no id lists), so a 10,000-status session costs the same few round trips.
 */

export interface RoomStatusRow extends StatusRow {
  kind: RoomKind;
  question_number: number | null;
  late: number;
  spotlighted_at: number | null;
  room_state: RoomState;
}

export type RecapRow = Selectable<SessionRecapsTable>;

/** The visible statuses of a session (joined with `statuses as s` and `session_statuses as ss`). */
function visibleRoom(db: Kysely<Database>, sessionId: number) {
  return db
    .selectFrom('session_statuses as ss')
    .innerJoin('statuses as s', 's.id', 'ss.status_id')
    .where('ss.session_id', '=', sessionId)
    .where('ss.room_state', '=', 'visible')
    .where('s.visibility', 'in', ['public', 'unlisted'])
    .where('s.reblog_of_id', 'is', null);
}

const roomColumns = (db: Kysely<Database>, sessionId: number) =>
  visibleRoom(db, sessionId)
    .selectAll('s')
    .select(['ss.kind', 'ss.question_number', 'ss.late', 'ss.spotlighted_at', 'ss.room_state']);

/** Every visible status of a session, in id (= time) order. */
export async function roomStatuses(db: Kysely<Database>, sessionId: number): Promise<RoomStatusRow[]> {
  return (await roomColumns(db, sessionId).orderBy('ss.status_id').execute()) as RoomStatusRow[];
}

export interface RoomPageQuery {
  order: 'asc' | 'desc';
  /** Ids strictly above / below. */
  minId: number | null;
  maxId: number | null;
  /** With min_id in desc order (or max_id in asc), the page nearest the cursor: Mastodon's `min_id`. */
  nearest: boolean;
  questionNumber: number | null;
  kind: RoomKind | null;
  limit: number;
}

/** One keyset page of a session's visible statuses, in the requested order. */
export async function roomPage(
  db: Kysely<Database>,
  sessionId: number,
  q: RoomPageQuery,
): Promise<RoomStatusRow[]> {
  let sel = roomColumns(db, sessionId);
  if (q.minId !== null) sel = sel.where('ss.status_id', '>', q.minId);
  if (q.maxId !== null) sel = sel.where('ss.status_id', '<', q.maxId);
  if (q.questionNumber !== null) sel = sel.where('ss.question_number', '=', q.questionNumber);
  if (q.kind !== null) sel = sel.where('ss.kind', '=', q.kind);
  const direction = q.nearest ? (q.order === 'asc' ? 'desc' : 'asc') : q.order;
  const rows = (await sel.orderBy('ss.status_id', direction).limit(q.limit).execute()) as RoomStatusRow[];
  return q.nearest ? rows.reverse() : rows;
}

export interface QuestionIndexRow {
  question_number: number;
  status_id: number | null;
  text: string | null;
  answers_count: number;
}

/** Per question number: the first status that asked it, its text, and how many answers it has. */
export async function questionIndex(db: Kysely<Database>, sessionId: number): Promise<QuestionIndexRow[]> {
  const rows = await visibleRoom(db, sessionId)
    .select([
      'ss.question_number',
      'ss.kind',
      sql<number>`count(*)`.as('n'),
      sql<number>`min(ss.status_id)`.as('first_id'),
    ])
    .where('ss.question_number', 'is not', null)
    .where('ss.kind', 'in', ['question', 'answer'])
    .groupBy(['ss.question_number', 'ss.kind'])
    .execute();
  const byNumber = new Map<number, QuestionIndexRow>();
  for (const r of rows) {
    const n = Number(r.question_number);
    const entry = byNumber.get(n) ?? { question_number: n, status_id: null, text: null, answers_count: 0 };
    if (r.kind === 'question') entry.status_id = Number(r.first_id);
    else entry.answers_count = Number(r.n);
    byNumber.set(n, entry);
  }
  const questionIds = [...byNumber.values()].map((e) => e.status_id).filter((x): x is number => x !== null);
  if (questionIds.length > 0) {
    const texts = await db
      .selectFrom('statuses')
      .select(['id', 'text'])
      .where('id', 'in', questionIds)
      .execute();
    const byId = new Map(texts.map((t) => [Number(t.id), t.text]));
    for (const e of byNumber.values()) if (e.status_id !== null) e.text = byId.get(e.status_id) ?? null;
  }
  return [...byNumber.values()].sort((a, b) => a.question_number - b.question_number);
}

/** Tags of every visible status of a session, by status id. */
export async function roomTags(db: Kysely<Database>, sessionId: number) {
  const rows = await visibleRoom(db, sessionId)
    .innerJoin('status_tags as st', 'st.status_id', 's.id')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['st.status_id', 't.name', 't.display_name'])
    .execute();
  const out = new Map<number, { name: string; display_name: string }[]>();
  for (const r of rows) {
    const list = out.get(Number(r.status_id)) ?? [];
    list.push({ name: r.name, display_name: r.display_name });
    out.set(Number(r.status_id), list);
  }
  return out;
}

/** The images of every visible status of a session, by status id, in order. */
export async function roomMedia(db: Kysely<Database>, sessionId: number): Promise<Map<number, MediaRow[]>> {
  const rows = await visibleRoom(db, sessionId)
    .innerJoin('media_attachments as m', 'm.status_id', 's.id')
    .selectAll('m')
    .orderBy('m.status_id')
    .orderBy('m.position')
    .execute();
  const out = new Map<number, MediaRow[]>();
  for (const r of rows) {
    const list = out.get(Number(r.status_id)) ?? [];
    list.push(r);
    out.set(Number(r.status_id), list);
  }
  return out;
}

/** Mentioned account ids of every visible status of a session, by status id. */
export async function roomMentions(db: Kysely<Database>, sessionId: number): Promise<Map<number, number[]>> {
  const rows = await visibleRoom(db, sessionId)
    .innerJoin('mentions as m', 'm.status_id', 's.id')
    .select(['m.status_id', 'm.account_id'])
    .execute();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(Number(r.status_id)) ?? [];
    list.push(Number(r.account_id));
    out.set(Number(r.status_id), list);
  }
  return out;
}

/** This session's participants who had a visible status in an earlier session (by start) of the same chat. */
export async function returningParticipants(db: Kysely<Database>, session: SessionRow): Promise<Set<number>> {
  const rows = await db
    .selectFrom('session_statuses as p')
    .innerJoin('chat_sessions as cs', 'cs.id', 'p.session_id')
    .select('p.account_id')
    .distinct()
    .where('cs.chat_id', '=', Number(session.chat_id))
    .where('p.room_state', '=', 'visible')
    .where((eb) =>
      eb.or([
        eb('cs.starts_at', '<', Number(session.starts_at)),
        eb.and([eb('cs.starts_at', '=', Number(session.starts_at)), eb('cs.id', '<', Number(session.id))]),
      ]),
    )
    .where('p.account_id', 'in', visibleRoom(db, Number(session.id)).select('ss.account_id'))
    .execute();
  return new Set(rows.map((r) => Number(r.account_id)));
}

/** How many distinct accounts follow at least one author of a visible status of the session. */
export async function distinctFollowersOfParticipants(
  db: Kysely<Database>,
  sessionId: number,
): Promise<number> {
  const row = await db
    .selectFrom('follows as f')
    .select(sql<number>`count(distinct f.account_id)`.as('n'))
    .where('f.target_account_id', 'in', visibleRoom(db, sessionId).select('ss.account_id'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface SessionActivityRow {
  session_id: number;
  account_id: number;
  statuses_count: number;
}

/** For every live or ended session of a chat: each participant and their visible statuses, sessions by start. */
export async function chatActivity(db: Kysely<Database>, chatId: number) {
  const sessions = await db
    .selectFrom('chat_sessions')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('state', 'in', ['live', 'ended'])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const rows = await db
    .selectFrom('session_statuses as ss')
    .innerJoin('chat_sessions as cs', 'cs.id', 'ss.session_id')
    .innerJoin('statuses as s', 's.id', 'ss.status_id')
    .select(['ss.session_id', 'ss.account_id', sql<number>`count(*)`.as('statuses_count')])
    .where('cs.chat_id', '=', chatId)
    .where('cs.state', 'in', ['live', 'ended'])
    .where('ss.room_state', '=', 'visible')
    .where('s.visibility', 'in', ['public', 'unlisted'])
    .where('s.reblog_of_id', 'is', null)
    .groupBy(['ss.session_id', 'ss.account_id'])
    .execute();
  const activity: SessionActivityRow[] = rows.map((r) => ({
    session_id: Number(r.session_id),
    account_id: Number(r.account_id),
    statuses_count: Number(r.statuses_count),
  }));
  return { sessions, activity };
}

export const findRecap = (db: Kysely<Database>, sessionId: number) =>
  db.selectFrom('session_recaps').selectAll().where('session_id', '=', sessionId).executeTakeFirst();

/** Claims the session's recap for publishing; false when it is already claimed (published or under way). */
export async function claimRecap(db: Kysely<Database>, sessionId: number, accountId: number, now: number) {
  const res = await db
    .insertInto('session_recaps')
    .values({
      session_id: sessionId,
      account_id: accountId,
      status_ids: '[]',
      published_at: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const completeRecap = (db: Kysely<Database>, sessionId: number, statusIds: number[], now: number) =>
  db
    .updateTable('session_recaps')
    .set({ status_ids: JSON.stringify(statusIds.map(String)), published_at: now })
    .where('session_id', '=', sessionId)
    .execute();

/** Gives up a claim whose thread could not be written, so the host can try again. */
export const releaseRecap = (db: Kysely<Database>, sessionId: number) =>
  db
    .deleteFrom('session_recaps')
    .where('session_id', '=', sessionId)
    .where('published_at', 'is', null)
    .execute();
