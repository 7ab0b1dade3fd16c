import { validationFailed } from '@hashchat/api/requests/validation';
import { sessionTopic } from '@hashchat/api/topics';
import { conflict, notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { type QuestionEntity, serializeQuestion } from '../../present/question';
import {
  deleteUnpublished,
  findQuestion,
  insertQuestion,
  listAgenda,
  nextPosition,
  type QuestionRow,
  setPositions,
  updateUnpublished,
} from '../../store/agenda';
import type { SessionRow } from '../../store/chat-sessions';
import type { ChatRow } from '../../store/chats';
import { appendEvents, type NewEvent } from '../../store/events';
import { holdQuestionMedia, mediaForQuestions } from '../../store/media';
import type { Database } from '../../store/schema';
import { isHost, loadSession, requireHost } from '../chats/access';
import { ownMedia, presentMedia } from '../media';
import { publishEvents } from '../publish';
import { numberAgenda } from './agenda-numbers';
import { scheduleQuestionJob } from './question-jobs';
import { questionStatusText } from './question-text';
import { loadCast, presentRoomStatuses } from './room-views';
import { agendaAnchor } from './session-times';

export type AgendaKind = QuestionRow['kind'];

export interface QuestionInput {
  text: string;
  offsetMinutes: number | null;
  kind: AgendaKind;
  imageUrl: string | null;
  imageAlt: string | null;
  /** An upload of the actor's to publish with the item (null: none; undefined: unchanged). */
  mediaId?: number | null;
}

export type QuestionPatch = Partial<QuestionInput>;

export interface Opened {
  session: SessionRow;
  chat: ChatRow;
}

/** Whether the viewer may see an agenda item: hosts everything, others what is published (and what is to come when the agenda is public). */
export function visibleTo(row: QuestionRow, host: boolean, agendaPublic: boolean): boolean {
  if (host || row.state === 'published') return true;
  return agendaPublic && row.state !== 'skipped';
}

/** Question entities for `rows` (in agenda order), numbered against the whole agenda. */
export async function presentQuestions(
  ctx: Context,
  { session, chat }: Opened,
  agenda: QuestionRow[],
  rows: QuestionRow[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<QuestionEntity[]> {
  const numbers = numberAgenda(agenda);
  const media = await mediaForQuestions(
    db,
    rows.map((r) => Number(r.id)),
  );
  const ids = rows.map((r) => r.status_id).filter((x): x is number => x !== null);
  const cast = ids.length > 0 ? await loadCast(db, session, Number(chat.owner_id)) : null;
  const statuses = new Map(
    cast
      ? (await presentRoomStatuses(ctx, Number(session.id), cast, ids.map(Number), viewerId, db)).map((s) => [
          s.id,
          s,
        ])
      : [],
  );
  const anchor = agendaAnchor(session);
  return rows.map((r) =>
    serializeQuestion(
      r,
      numbers.get(Number(r.id)) ?? null,
      r.status_id === null ? null : (statuses.get(String(r.status_id)) ?? null),
      anchor,
      media.has(Number(r.id)) ? presentMedia(ctx, media.get(Number(r.id))!) : null,
    ),
  );
}

/** The agenda as the viewer may see it. */
export async function listQuestions(
  ctx: Context,
  sessionId: number,
  viewerId: number | null,
): Promise<QuestionEntity[]> {
  const db = ctx.store.db;
  const opened = await loadSession(db, sessionId);
  const host = viewerId !== null && (await isHost(db, opened.chat, viewerId));
  const agenda = await listAgenda(db, sessionId);
  const shown = agenda.filter((r) => visibleTo(r, host, Number(opened.session.agenda_public) === 1));
  return presentQuestions(ctx, opened, agenda, shown, viewerId);
}

export async function createQuestion(
  ctx: Context,
  actorId: number,
  sessionId: number,
  input: QuestionInput,
): Promise<QuestionEntity> {
  const opened = await openForHost(ctx, actorId, sessionId);
  checkLength(ctx, opened, input);
  if (input.mediaId != null) await checkQuestionMedia(ctx, actorId, input.mediaId, null);
  const now = ctx.now();
  return agendaWrite(ctx, opened, actorId, async (trx) => {
    const row = await insertQuestion(trx, {
      session_id: sessionId,
      position: await nextPosition(trx, sessionId),
      kind: input.kind,
      text: input.text,
      image_url: input.imageUrl,
      image_alt: input.imageAlt,
      offset_minutes: input.offsetMinutes,
      state: input.offsetMinutes === null ? 'draft' : 'scheduled',
      question_number: null,
      status_id: null,
      published_at: null,
      created_at: now,
      updated_at: now,
    });
    if (input.mediaId != null) await holdMedia(trx, Number(row.id), input.mediaId, actorId);
    await scheduleQuestionJob(trx, row, opened.session, now);
    return row;
  });
}

export async function updateQuestion(
  ctx: Context,
  actorId: number,
  questionId: number,
  patch: QuestionPatch,
): Promise<QuestionEntity> {
  const q = await findQuestion(ctx.store.db, questionId);
  if (!q) throw notFound();
  const opened = await openForHost(ctx, actorId, Number(q.session_id));
  const merged: QuestionInput = {
    text: patch.text ?? q.text,
    offsetMinutes: patch.offsetMinutes !== undefined ? patch.offsetMinutes : q.offset_minutes,
    kind: patch.kind ?? q.kind,
    imageUrl: patch.imageUrl !== undefined ? patch.imageUrl : q.image_url,
    imageAlt: patch.imageAlt !== undefined ? patch.imageAlt : q.image_alt,
  };
  checkLength(ctx, opened, merged);
  if (patch.mediaId != null) await checkQuestionMedia(ctx, actorId, patch.mediaId, questionId);
  const now = ctx.now();
  return agendaWrite(ctx, opened, actorId, async (trx) => {
    const row = await updateUnpublished(trx, questionId, {
      text: merged.text,
      offset_minutes: merged.offsetMinutes,
      kind: merged.kind,
      image_url: merged.imageUrl,
      image_alt: merged.imageAlt,
      state: merged.offsetMinutes === null ? 'draft' : 'scheduled',
      updated_at: now,
    });
    if (!row)
      throw conflict(
        `This question is ${q.state === 'skipped' ? 'skipped' : 'published'} and cannot be changed`,
      );
    if (patch.mediaId !== undefined) await holdMedia(trx, questionId, patch.mediaId, actorId);
    await scheduleQuestionJob(trx, row, opened.session, now);
    return row;
  });
}

export async function deleteQuestion(ctx: Context, actorId: number, questionId: number): Promise<void> {
  const db = ctx.store.db;
  const q = await findQuestion(db, questionId);
  if (!q) throw notFound();
  await openForHost(ctx, actorId, Number(q.session_id));
  if (!(await deleteUnpublished(db, questionId))) throw conflict('A published question cannot be deleted');
}

/** Puts the agenda in the order of `ids` (every item of the session, each once). */
export async function reorderQuestions(
  ctx: Context,
  actorId: number,
  sessionId: number,
  ids: number[],
): Promise<QuestionEntity[]> {
  const db = ctx.store.db;
  const opened = await openForHost(ctx, actorId, sessionId, { allowEnded: true });
  const agenda = await listAgenda(db, sessionId);
  const known = new Set(agenda.map((r) => Number(r.id)));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw validationFailed("ids must list every item of this session's agenda once");
  }
  await db.transaction().execute((trx) => setPositions(trx, ids, ctx.now()));
  const after = await listAgenda(db, sessionId);
  return presentQuestions(ctx, opened, after, after, actorId);
}

/** Takes an unpublished item off the running order (its number goes to the next question). */
export async function skipQuestion(
  ctx: Context,
  actorId: number,
  questionId: number,
): Promise<QuestionEntity> {
  const q = await findQuestion(ctx.store.db, questionId);
  if (!q) throw notFound();
  const opened = await openForHost(ctx, actorId, Number(q.session_id), { allowEnded: true });
  return agendaWrite(ctx, opened, actorId, async (trx) => {
    const row = await updateUnpublished(trx, questionId, { state: 'skipped', updated_at: ctx.now() });
    if (!row) throw conflict(`This question is ${q.state} and cannot be skipped`);
    return row;
  });
}

/** Loads a session for a host's agenda change: 404, 403, or 409 once it is over. */
export async function openForHost(
  ctx: Context,
  actorId: number,
  sessionId: number,
  opts: { allowEnded?: boolean } = {},
): Promise<Opened> {
  const opened = await loadSession(ctx.store.db, sessionId);
  await requireHost(ctx.store.db, opened.chat, actorId);
  const state = opened.session.state;
  if (!opts.allowEnded && state !== 'scheduled' && state !== 'live') {
    throw conflict(`This session is ${state}; its agenda can no longer change`);
  }
  return opened;
}

/**
 * The checks on an image a host gives an agenda item, with their own answers: someone else's
 * upload is a 404 (as on statuses), one a status or another item already took, or one still
 * processing, a 422.
 */
async function checkQuestionMedia(
  ctx: Context,
  actorId: number,
  mediaId: number,
  questionId: number | null,
): Promise<void> {
  const row = await ownMedia(ctx, actorId, mediaId);
  if (row.status_id !== null) throw validationFailed('Media is already attached to a status');
  if (row.question_id !== null && Number(row.question_id) !== questionId)
    throw validationFailed('Media is already attached to another question');
  if (row.state !== 'ready') throw validationFailed('Media files must be processed before they are attached');
}

/** Inside the item's write: the image it holds becomes `mediaId` (checked before; a race that took it is a 422). */
async function holdMedia(trx: Kysely<Database>, questionId: number, mediaId: number | null, actorId: number) {
  if (!(await holdQuestionMedia(trx, questionId, mediaId, actorId)))
    throw validationFailed('Media is already attached');
}

/** The longest status an item can become: numbered, with its image link and hashtags. */
function checkLength(ctx: Context, { session, chat }: Opened, input: QuestionInput): void {
  const text = questionStatusText({ kind: input.kind, text: input.text, image_url: input.imageUrl }, 999, [
    chat.hashtag,
    session.extra_tag,
  ]);
  if ([...text].length > ctx.config.maxStatusChars) {
    throw validationFailed(
      `text is too long: with its number and hashtag the status must fit in ${ctx.config.maxStatusChars} characters`,
    );
  }
}

/**
 * One agenda write in a transaction; participants' streams hear of the item when the agenda
 * is public (otherwise an unpublished item stays between the hosts).
 */
async function agendaWrite(
  ctx: Context,
  opened: Opened,
  actorId: number,
  write: (trx: Kysely<Database>) => Promise<QuestionRow>,
): Promise<QuestionEntity> {
  const sessionId = Number(opened.session.id);
  const now = ctx.now();
  const { row, stored } = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await write(trx);
    const events: NewEvent[] = [];
    if (Number(opened.session.agenda_public) === 1) {
      const agenda = await listAgenda(trx, sessionId);
      const [entity] = await presentQuestions(ctx, opened, agenda, [row], null, trx);
      events.push({
        event: 'chat.question',
        payload: JSON.stringify(entity),
        accountId: null,
        topics: [sessionTopic(sessionId)],
      });
    }
    return { row, stored: await appendEvents(trx, ctx.store.dialect, events, now) };
  });
  await publishEvents(ctx, stored);
  const agenda = await listAgenda(ctx.store.db, sessionId);
  const [entity] = await presentQuestions(ctx, opened, agenda, [row], actorId);
  return entity;
}
