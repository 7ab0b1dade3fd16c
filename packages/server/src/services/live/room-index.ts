import { curatedTopic, sessionTopic } from '@hashchat/api/topics';
import { type Classification, classify } from '@hashchat/core/chat/classify';
import { admitsToSample, type CuratedReason, type LastSample, sampleSlot } from '@hashchat/core/chat/curated';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { Insertable, Kysely } from 'kysely';
import type { Context } from '../../context';
import { serializeQuestion } from '../../present/question';
import { type AuthorRole, serializeRoomChat, withChat } from '../../present/room-status';
import type { StatusEntity } from '../../present/status';
import { claimQuestion, type QuestionRow } from '../../store/agenda';
import type { NewEvent } from '../../store/events';
import {
  authorStanding,
  claimSample,
  findOpenSession,
  insertRoomRows,
  type OpenSession,
  openSessionsForTags,
  roomRowsOfStatus,
  roomsOfStatus,
} from '../../store/room';
import type { Database, SessionStatusesTable, Visibility } from '../../store/schema';
import { agendaAnchor, LATE_REPLY_MS, ROOM_GRACE_MS } from './session-times';

/** Set by the agenda when the status being written is one of its items (see publish-question.ts). */
export interface RoomHint {
  agenda?: { questionId: number; questionNumber: number | null };
}

/** Thrown inside the status's transaction when another publisher claimed the question first: nothing is written. */
export class QuestionAlreadyPublished extends Error {
  constructor(readonly questionId: number) {
    super(`question ${questionId} is already published`);
  }
}

export interface IndexInput extends RoomHint {
  status: {
    id: number;
    account_id: number;
    text: string;
    in_reply_to_id: number | null;
    visibility: Visibility;
  };
  /** The status's hashtags, normalised. */
  tagNames: string[];
  /** The Status entity as the public sees it, already built for the status's own `update` event. */
  entity: StatusEntity;
}

interface Candidate {
  session: OpenSession;
  parent: Classification | null;
  late: boolean;
}

/**
 * The room index's write path, inside the status's transaction: puts the status in every
 * session it belongs to (live or about to start on one of its hashtags, or by inheritance a
 * reply to a status already in a session), classified, and returns the `update` events for
 * those sessions' streams. At most two indexed lookups for an ordinary status.
 */
export async function indexStatusInRooms(
  ctx: Context,
  trx: Kysely<Database>,
  input: IndexInput,
): Promise<NewEvent[]> {
  const s = input.status;
  if (s.visibility !== 'public' && s.visibility !== 'unlisted') return [];
  const now = ctx.now();
  const candidates = new Map<number, Candidate>();

  if (input.tagNames.length > 0) {
    const tags = new Set(input.tagNames);
    for (const o of await openSessionsForTags(trx, input.tagNames, now, ROOM_GRACE_MS)) {
      if (tags.has(o.tag_name) || (o.extra_tag !== null && tags.has(normalizeTag(o.extra_tag)))) {
        candidates.set(Number(o.id), { session: o, parent: null, late: false });
      }
    }
  }
  if (s.in_reply_to_id !== null) {
    for (const p of await roomsOfStatus(trx, Number(s.in_reply_to_id))) {
      const parent: Classification = { kind: p.kind, questionNumber: p.question_number };
      const seen = candidates.get(Number(p.id));
      if (seen) seen.parent = parent;
      else {
        const late = inheritance(p, now);
        if (late !== null) candidates.set(Number(p.id), { session: p, parent, late });
      }
    }
  }

  let claimed: { row: QuestionRow; session: number } | null = null;
  if (input.agenda) {
    const row = await claimQuestion(trx, input.agenda.questionId, s.id, input.agenda.questionNumber, now);
    if (!row) throw new QuestionAlreadyPublished(input.agenda.questionId);
    claimed = { row, session: Number(row.session_id) };
    if (!candidates.has(claimed.session)) {
      const o = await findOpenSession(trx, claimed.session);
      if (o) candidates.set(claimed.session, { session: o, parent: null, late: false });
    }
  }
  if (candidates.size === 0) return [];

  const rows: Insertable<SessionStatusesTable>[] = [];
  const events: NewEvent[] = [];
  let questionStatus: StatusEntity | null = null;
  for (const [sessionId, c] of candidates) {
    const role = await authorRole(trx, c.session, s.account_id);
    const agendaNumber = claimed?.session === sessionId ? (input.agenda?.questionNumber ?? null) : null;
    const cls = classify({
      status: {
        id: String(s.id),
        accountId: String(s.account_id),
        text: s.text,
        inReplyToId: s.in_reply_to_id === null ? null : String(s.in_reply_to_id),
      },
      isHost: role === 'host' || role === 'co_host',
      agendaQuestionNumber: agendaNumber,
      parent: c.parent,
    });
    const curated = await curatedReason(ctx, trx, sessionId, role, cls.kind, c.late, s.account_id, now);
    const row = {
      session_id: sessionId,
      status_id: s.id,
      account_id: s.account_id,
      kind: cls.kind,
      question_number: cls.questionNumber,
      in_reply_to_id: s.in_reply_to_id,
      room_state: 'visible' as const,
      late: c.late ? 1 : 0,
      spotlighted_at: null,
      created_at: now,
      curated,
      curated_at: curated === null ? null : now,
    };
    rows.push(row);
    const entity = withChat(input.entity, serializeRoomChat(row, role));
    if (claimed?.session === sessionId) questionStatus = entity;
    events.push({
      event: 'update',
      payload: JSON.stringify(entity),
      accountId: s.account_id,
      // One event, one payload: the curated topic is one more link, not one more serialization.
      topics:
        curated === null ? [sessionTopic(sessionId)] : [sessionTopic(sessionId), curatedTopic(sessionId)],
    });
  }
  await insertRoomRows(trx, rows);

  if (claimed) {
    const session = candidates.get(claimed.session)?.session;
    const question = serializeQuestion(
      claimed.row,
      input.agenda?.questionNumber ?? null,
      questionStatus ?? input.entity,
      session ? agendaAnchor(session) : 0,
      // The item's image went out as its status's one attachment.
      input.entity.media_attachments[0] ?? null,
    );
    events.push({
      event: 'chat.question',
      payload: JSON.stringify(question),
      accountId: null,
      topics: [sessionTopic(claimed.session)],
    });
  }
  return events;
}

/** The last sample admitted per session, as this process knows it (see `curatedReason`). */
const knownSamples = new WeakMap<Context, Map<number, LastSample>>();

/**
 * Why a status being written goes to the session's curated stream, or null: the hosts',
 * co-hosts' and guests' statuses and questions always; a participant's when the sample admits
 * it (core/chat/curated.ts), claimed in the store against the session's last sample. A process
 * that already saw a sample taken in the current slot knows the answer is no without asking the
 * store, so at 100 statuses a second only a few a second ask it.
 */
async function curatedReason(
  ctx: Context,
  trx: Kysely<Database>,
  sessionId: number,
  role: AuthorRole,
  kind: Classification['kind'],
  late: boolean,
  accountId: number,
  now: number,
): Promise<CuratedReason | null> {
  if (role !== null) return 'cast';
  if (kind === 'question') return 'question';
  if (late) return null;
  let known = knownSamples.get(ctx);
  if (!known || known.size > 10_000) {
    known = new Map();
    knownSamples.set(ctx, known);
  }
  const slot = sampleSlot(now);
  const seen = known.get(sessionId);
  // Admitting needs a later slot than the last sample's: one this process saw in this slot settles it.
  if (seen && !admitsToSample(seen, slot, -1)) return null;
  const claim = await claimSample(trx, sessionId, slot, accountId);
  if (!claim.won) {
    if (claim.last) known.set(sessionId, claim.last);
    return null;
  }
  known.set(sessionId, { slot, accountId });
  return 'sample';
}

/**
 * Whether a reply joins its parent's session without the hashtag: while the session is open,
 * or as a late reply (flagged) for a day after it ended; never a cancelled session's.
 */
function inheritance(s: OpenSession, now: number): boolean | null {
  if (s.state === 'live' || s.state === 'scheduled') return false;
  if (s.state !== 'ended') return null;
  const end = Number(s.ended_at ?? s.ends_at);
  return now <= end + LATE_REPLY_MS ? true : null;
}

/** The author's badge in the session: the chat's owner, a co-host, a guest, or nobody special. */
export async function authorRole(
  db: Kysely<Database>,
  session: { id: number; chat_id: number; owner_id: number },
  accountId: number,
): Promise<AuthorRole> {
  if (Number(session.owner_id) === accountId) return 'host';
  const standing = await authorStanding(db, Number(session.chat_id), Number(session.id), accountId);
  return standing.coHost ? 'co_host' : standing.guest ? 'guest' : null;
}

/** `delete` events for the session streams a status is in; call before deleting it (its room rows go with it). */
export async function roomDeleteEvents(trx: Kysely<Database>, statusId: number): Promise<NewEvent[]> {
  const rows = await roomRowsOfStatus(trx, statusId);
  return rows.map((r) => ({
    event: 'delete',
    payload: String(statusId),
    accountId: Number(r.account_id),
    topics: [sessionTopic(Number(r.session_id))],
  }));
}
