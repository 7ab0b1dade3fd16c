import { sessionTopic } from '@hashchat/api/topics';
import { conflict, HashchatError, notFound, unprocessable } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { type AccountEntity, serializeAccount } from '../../present/account';
import { findAccountById, findAccountsByIds } from '../../store/accounts';
import type { SessionRow } from '../../store/chat-sessions';
import type { ChatRow } from '../../store/chats';
import { appendEvents, type NewEvent } from '../../store/events';
import type { Database, SubmissionState } from '../../store/schema';
import { updateSessionRow } from '../../store/session-writes';
import {
  addVote,
  answeringSubmissionIds,
  combineVotes,
  findSubmission,
  insertSubmission,
  listSubmissions,
  markMerged,
  mergedInto,
  pendingSubmissionRows,
  removeVote,
  type SubmissionRow,
  type SubmissionSort,
  updateSubmission,
  votedBy,
} from '../../store/submissions';
import { loadSession } from '../chats/access';
import { addNotifications } from '../notifications';
import { publishEvents } from '../publish';
import { loadVisibleStatus } from '../visibility';
import { type LogEntry, logAction } from './log';
import { isModerator, requireModerator } from './moderators';

/** Per account: at most this many questions per session a minute, and votes a minute. */
const SUBMISSIONS_PER_MINUTE = 5;
const VOTES_PER_MINUTE = 120;

export interface SubmissionEntity {
  id: string;
  session_id: string;
  text: string;
  account: AccountEntity | null;
  status_id: string | null;
  votes_count: number;
  new_account_votes_count: number;
  voted: boolean;
  state: SubmissionState;
  answer_status_id: string | null;
  merged_into_id: string | null;
  carried_from_id: string | null;
  dismiss_reason: string | null;
  created_at: string;
  answering_at: string | null;
  answered_at: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const idOrNull = (v: number | null) => (v === null ? null : String(v));

export async function presentSubmissions(
  ctx: Context,
  rows: SubmissionRow[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<SubmissionEntity[]> {
  const ids = rows.map((r) => Number(r.id));
  const [accounts, voted] = await Promise.all([
    findAccountsByIds(
      db,
      rows.map((r) => Number(r.account_id)),
    ),
    viewerId === null ? new Set<number>() : votedBy(db, viewerId, ids),
  ]);
  return rows.map((r) => {
    const a = accounts.get(Number(r.account_id));
    return {
      id: String(r.id),
      session_id: String(r.session_id),
      text: r.text,
      account: a ? serializeAccount(a, ctx.config.publicUrl) : null,
      status_id: idOrNull(r.status_id),
      votes_count: Number(r.votes_count),
      new_account_votes_count: Number(r.new_account_votes_count),
      voted: voted.has(Number(r.id)),
      state: r.state,
      answer_status_id: idOrNull(r.answer_status_id),
      merged_into_id: idOrNull(r.merged_into_id),
      carried_from_id: idOrNull(r.carried_from_id),
      dismiss_reason: r.dismiss_reason,
      created_at: iso(r.created_at)!,
      answering_at: iso(r.answering_at),
      answered_at: iso(r.answered_at),
    };
  });
}

async function presentOne(
  ctx: Context,
  id: number,
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
) {
  const row = await findSubmission(db, id);
  if (!row) throw notFound();
  return (await presentSubmissions(ctx, [row], viewerId, db))[0];
}

/** The session's town-hall settings (public: participants need the marker). */
export function townHallEntity(session: SessionRow) {
  return {
    session_id: String(session.id),
    town_hall: Number(session.town_hall) === 1,
    submission_marker: session.submission_marker,
  };
}

export async function getTownHall(ctx: Context, sessionId: number) {
  return townHallEntity((await loadSession(ctx.store.db, sessionId)).session);
}

/** Turns town-hall mode on or off and sets the marker that makes a status a question. */
export async function setTownHall(
  ctx: Context,
  actorId: number,
  sessionId: number,
  patch: { townHall?: boolean; marker?: string | null },
) {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  await requireModerator(db, chat, actorId);
  const set: { town_hall?: number; submission_marker?: string | null; updated_at: number } = {
    updated_at: ctx.now(),
  };
  if (patch.townHall !== undefined) set.town_hall = patch.townHall ? 1 : 0;
  if (patch.marker !== undefined) set.submission_marker = patch.marker?.trim() || null;
  await updateSessionRow(db, sessionId, set);
  return getTownHall(ctx, sessionId);
}

async function limit(ctx: Context, key: string, max: number, what: string): Promise<void> {
  const { count, resetAt } = await ctx.rateLimiter.hit(key, 60);
  if (count > max) {
    const wait = Math.max(1, Math.ceil((resetAt - ctx.now()) / 1000));
    throw new HashchatError('RateLimited', `Too many ${what}: wait ${wait} seconds`);
  }
}

/** A participant asks a question in a town-hall session; it waits for a moderator's approval. */
export async function submitQuestion(ctx: Context, accountId: number, sessionId: number, text: string) {
  const db = ctx.store.db;
  const { session } = await loadSession(db, sessionId);
  if (Number(session.town_hall) !== 1) throw conflict('This session is not a town hall');
  if (session.state === 'ended' || session.state === 'cancelled')
    throw conflict(`This session is ${session.state} and takes no more questions`);
  const clean = text.trim();
  if (!clean) throw unprocessable("Validation failed: text can't be blank");
  await limit(ctx, `submissions:${sessionId}:${accountId}`, SUBMISSIONS_PER_MINUTE, 'questions');
  const now = ctx.now();
  const row = await insertSubmission(db, {
    session_id: sessionId,
    account_id: accountId,
    text: clean,
    status_id: null,
    state: 'pending',
    votes_count: 0,
    new_account_votes_count: 0,
    created_at: now,
    updated_at: now,
  });
  return (await presentSubmissions(ctx, [row], accountId))[0];
}

export interface SubmissionListQuery {
  sort: SubmissionSort;
  state: SubmissionState | null;
  cursor: { votes: number; id: number } | null;
  limit: number;
}

/**
 * A session's queue. Everyone sees approved, answering and answered questions (and their own,
 * whatever the state); moderators see every state, or the one they ask for.
 */
export async function listQueue(
  ctx: Context,
  viewerId: number | null,
  sessionId: number,
  q: SubmissionListQuery,
) {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  const moderator = viewerId !== null && (await isModerator(db, chat, viewerId));
  const states: SubmissionState[] = q.state
    ? moderator || PUBLIC_STATES.includes(q.state)
      ? [q.state]
      : []
    : moderator
      ? ['pending', 'approved', 'answering', 'answered', 'dismissed']
      : PUBLIC_STATES;
  if (states.length === 0) return { rows: [], entities: [] };
  const rows = await listSubmissions(db, {
    sessionId,
    sort: q.sort,
    states,
    ownerId: moderator || q.state ? null : viewerId,
    cursor: q.cursor,
    limit: q.limit,
  });
  return { rows, entities: await presentSubmissions(ctx, rows, viewerId) };
}

/** A submission, following merges to the one that now carries its votes. */
async function resolveMerged(db: Kysely<Database>, id: number): Promise<SubmissionRow> {
  let row = await findSubmission(db, id);
  for (let hops = 0; row && row.merged_into_id !== null && hops < 10; hops++) {
    row = await findSubmission(db, Number(row.merged_into_id));
  }
  if (!row) throw notFound();
  return row;
}

const PUBLIC_STATES: SubmissionState[] = ['approved', 'answering', 'answered'];

/**
 * The one check every route taking a submission id goes through: approved, answering and
 * answered questions are public; pending and dismissed ones are their asker's and the chat's
 * moderators' only. Anything else is a 404, so nobody learns what waits in another queue.
 */
async function loadVisibleSubmission(ctx: Context, viewerId: number | null, row: SubmissionRow | undefined) {
  if (!row) throw notFound();
  const { session, chat } = await loadSession(ctx.store.db, Number(row.session_id));
  const seen =
    PUBLIC_STATES.includes(row.state) ||
    (viewerId !== null &&
      (Number(row.account_id) === viewerId || (await isModerator(ctx.store.db, chat, viewerId))));
  if (!seen) throw notFound();
  return { row, session, chat };
}

/** One vote per account per question (a merged question's vote goes to the one it merged into). */
export async function vote(ctx: Context, accountId: number, submissionId: number) {
  const db = ctx.store.db;
  const { row, session } = await loadVisibleSubmission(ctx, accountId, await resolveMerged(db, submissionId));
  if (row.state !== 'approved' && row.state !== 'answering')
    throw conflict('Only approved questions that are not answered yet take votes');
  await limit(ctx, `votes:${accountId}`, VOTES_PER_MINUTE, 'votes');
  const voter = await findAccountById(db, accountId);
  // Accounts made after the session was announced are counted apart, so a flood of them shows.
  const fresh = Number(voter?.created_at ?? 0) > Number(session.created_at);
  await db.transaction().execute((trx) => addVote(trx, Number(row.id), accountId, fresh, ctx.now()));
  return presentOne(ctx, Number(row.id), accountId);
}

export async function unvote(ctx: Context, accountId: number, submissionId: number) {
  const db = ctx.store.db;
  const { row } = await loadVisibleSubmission(ctx, accountId, await resolveMerged(db, submissionId));
  await limit(ctx, `votes:${accountId}`, VOTES_PER_MINUTE, 'votes');
  await db.transaction().execute((trx) => removeVote(trx, Number(row.id), accountId));
  return presentOne(ctx, Number(row.id), accountId);
}

type Curation = 'approve' | 'dismiss' | 'answering' | 'answered';

/**
 * A moderator's step on one question: approve (also undoes a dismissal), dismiss (with a
 * reason), mark answering (the one before goes back to approved), mark answered (linking the
 * answer status; its askers are notified). Logged, and announced on the session stream.
 */
export async function curate(
  ctx: Context,
  actorId: number,
  submissionId: number,
  step: Curation,
  opts: { reason?: string; answerStatusId?: number | null } = {},
): Promise<SubmissionEntity> {
  const db = ctx.store.db;
  const { row, session, chat } = await loadVisibleSubmission(
    ctx,
    actorId,
    await findSubmission(db, submissionId),
  );
  await requireModerator(db, chat, actorId);
  if (row.merged_into_id !== null) throw conflict('This question was merged into another one');
  const allowed: Record<Curation, SubmissionState[]> = {
    approve: ['pending', 'dismissed'],
    dismiss: ['pending', 'approved', 'answering'],
    answering: ['approved', 'answered'],
    answered: ['approved', 'answering'],
  };
  if (!allowed[step].includes(row.state))
    throw conflict(`A question that is ${row.state} cannot be ${pastTense[step]}`);
  let answerStatusId: number | null = null;
  if (step === 'answered' && opts.answerStatusId) {
    // The askers are notified with it: only a status the moderator may see, of this chat's room.
    await loadVisibleStatus(ctx, actorId, opts.answerStatusId, { room: chat });
    answerStatusId = opts.answerStatusId;
  }
  const now = ctx.now();
  const sessionId = Number(session.id);
  const stored = await db.transaction().execute(async (trx) => {
    const events: NewEvent[] = [];
    const announce = async (id: number, name = 'chat.submission') => {
      const [entity] = await presentSubmissions(ctx, [(await findSubmission(trx, id))!], null, trx);
      events.push({
        event: name,
        payload: JSON.stringify(entity),
        accountId: null,
        topics: [sessionTopic(sessionId)],
      });
    };
    if (step === 'answering') {
      for (const p of await answeringSubmissionIds(trx, sessionId, submissionId)) {
        await updateSubmission(trx, p, { state: 'approved', updated_at: now });
        await announce(p);
      }
    }
    await updateSubmission(trx, submissionId, {
      state: step === 'approve' ? 'approved' : step === 'dismiss' ? 'dismissed' : step,
      updated_at: now,
      ...(step === 'dismiss' ? { dismiss_reason: opts.reason ?? '' } : {}),
      ...(step === 'approve' ? { dismiss_reason: null } : {}),
      ...(step === 'answering' ? { answering_at: now } : {}),
      ...(step === 'answered' ? { answered_at: now, answer_status_id: answerStatusId } : {}),
    });
    // A question nobody but its asker and the moderators has seen is not announced to the room.
    if (PUBLIC_STATES.includes(row.state) || step !== 'dismiss')
      await announce(submissionId, step === 'answering' ? 'chat.answering' : 'chat.submission');
    if (step === 'answered') {
      const askers = [
        Number(row.account_id),
        ...(await mergedInto(trx, submissionId)).map((m) => Number(m.account_id)),
      ];
      events.push(
        ...(await addNotifications(
          ctx,
          trx,
          [...new Set(askers)].map((a) => ({
            accountId: a,
            fromAccountId: actorId,
            type: 'submission_answered' as const,
            statusId: answerStatusId,
            refId: submissionId,
          })),
        )),
      );
    }
    await logAction(trx, entry(chat, sessionId, actorId, `${step}_submission`, row, opts.reason ?? ''), now);
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  await publishEvents(ctx, stored);
  return presentOne(ctx, submissionId, actorId);
}

const pastTense: Record<Curation, string> = {
  approve: 'approved',
  dismiss: 'dismissed',
  answering: 'marked answering',
  answered: 'marked answered',
};

function entry(
  chat: ChatRow,
  sessionId: number,
  actorId: number,
  action: LogEntry['action'],
  row: SubmissionRow,
  reason: string,
): LogEntry {
  return {
    chatId: Number(chat.id),
    sessionId,
    moderatorId: actorId,
    action,
    submissionId: Number(row.id),
    accountId: Number(row.account_id),
    statusId: row.status_id === null ? null : Number(row.status_id),
    reason,
  };
}

/** Merges a near-duplicate into another question of the same session: voters combine, each counted once. */
export async function mergeSubmission(
  ctx: Context,
  actorId: number,
  submissionId: number,
  intoId: number,
  reason: string,
): Promise<SubmissionEntity> {
  const db = ctx.store.db;
  if (submissionId === intoId) throw unprocessable('A question cannot be merged into itself');
  const [found, foundInto] = await Promise.all([
    findSubmission(db, submissionId),
    findSubmission(db, intoId),
  ]);
  const { row, chat } = await loadVisibleSubmission(ctx, actorId, found);
  const { row: into } = await loadVisibleSubmission(ctx, actorId, foundInto);
  // A question of another session is outside this room: 404, like one the caller may not see.
  if (Number(row.session_id) !== Number(into.session_id)) throw notFound();
  await requireModerator(db, chat, actorId);
  if (row.merged_into_id !== null || into.merged_into_id !== null)
    throw conflict('This question was already merged into another one');
  const now = ctx.now();
  const sessionId = Number(row.session_id);
  const stored = await db.transaction().execute(async (trx) => {
    // Questions merged into this one earlier follow it.
    const children = (await mergedInto(trx, submissionId)).map((c) => Number(c.id));
    await markMerged(trx, [submissionId, ...children], intoId, now);
    await combineVotes(trx, [submissionId, ...children], intoId);
    await logAction(
      trx,
      { ...entry(chat, sessionId, actorId, 'merge_submission', row, reason), submissionId },
      now,
    );
    // Merged into a question still waiting for review: the room hears nothing of it.
    if (!PUBLIC_STATES.includes(into.state)) return [];
    const [entity] = await presentSubmissions(ctx, [(await findSubmission(trx, intoId))!], null, trx);
    return appendEvents(
      trx,
      ctx.store.dialect,
      [
        {
          event: 'chat.submission',
          payload: JSON.stringify(entity),
          accountId: null,
          topics: [sessionTopic(sessionId)],
        },
      ],
      now,
    );
  });
  await publishEvents(ctx, stored);
  return presentOne(ctx, intoId, actorId);
}

/**
 * Carries a session's top unanswered questions (by votes) into a follow-up session of the
 * same chat, approved, with their voters; the originals stay as they are.
 */
export async function carryOver(
  ctx: Context,
  actorId: number,
  fromSessionId: number,
  toSessionId: number,
  max: number,
): Promise<SubmissionEntity[]> {
  const db = ctx.store.db;
  if (fromSessionId === toSessionId) throw unprocessable('Questions carry over into another session');
  const [from, to] = await Promise.all([loadSession(db, fromSessionId), loadSession(db, toSessionId)]);
  if (Number(from.chat.id) !== Number(to.chat.id))
    throw unprocessable('Questions carry over only into a session of the same chat');
  await requireModerator(db, from.chat, actorId);
  const top = await listSubmissions(db, {
    sessionId: fromSessionId,
    sort: 'unanswered',
    states: ['approved', 'answering'],
    ownerId: null,
    cursor: null,
    limit: max,
  });
  const now = ctx.now();
  const created = await db.transaction().execute(async (trx) => {
    const out: SubmissionRow[] = [];
    for (const s of top) {
      const copy = await insertSubmission(trx, {
        session_id: toSessionId,
        account_id: Number(s.account_id),
        text: s.text,
        status_id: s.status_id,
        state: 'approved',
        votes_count: 0,
        new_account_votes_count: 0,
        carried_from_id: Number(s.id),
        created_at: now,
        updated_at: now,
      });
      await combineVotes(trx, [Number(s.id)], Number(copy.id));
      out.push((await findSubmission(trx, Number(copy.id)))!);
    }
    await logAction(
      trx,
      {
        chatId: Number(from.chat.id),
        sessionId: fromSessionId,
        moderatorId: actorId,
        action: 'carry_over',
        reason: `${out.length} questions into session ${toSessionId}`,
      },
      now,
    );
    return out;
  });
  return presentSubmissions(ctx, created, actorId);
}

/** Pending questions of a session, oldest first (for the moderation queue). */
export async function pendingSubmissions(ctx: Context, sessionId: number, limit: number) {
  const rows = await pendingSubmissionRows(ctx.store.db, sessionId, limit);
  return presentSubmissions(ctx, rows, null);
}
