import { validationFailed } from '@hashchat/api/requests/validation';
import { conflict, notFound } from '@hashchat/core/errors';
import type { Transaction } from 'kysely';
import type { Context } from '../../context';
import type { SessionEntity } from '../../present/chat';
import { findSessionById, setSessionGuests } from '../../store/chat-sessions';
import type { ChatRow } from '../../store/chats';
import { appendEvents, type NewEvent } from '../../store/events';
import type { Database } from '../../store/schema';
import { insertChatEvent, insertSession, isEventOfChat, updateSessionRow } from '../../store/session-writes';
import { publishEvents } from '../publish';
import { loadChat, loadSession, requireHost } from './access';
import {
  checkSpan,
  type GuestInput,
  parseExtraTag,
  resolveGuests,
  resolveInstant,
  resolveSessionTimes,
  type SessionInput,
} from './inputs';
import { sessionChangedEvent } from './session-events';
import { scheduleSessionJobs } from './session-jobs';
import { cancelSession, endSession, goLive } from './session-state';
import { presentSessions } from './views';

export interface NewEventSeries {
  name: string;
  description: string;
  sessions: SessionInput[];
}

export interface SessionPatch {
  title?: string | null;
  startsAt?: string;
  endsAt?: string;
  guests?: GuestInput[];
  extraTag?: string | null;
  /** Participants may read the agenda's upcoming questions (issue 4). */
  agendaPublic?: boolean;
  /** Above how many people in the room the web app shows the curated stream; null never. */
  curatedThreshold?: number | null;
}

type Prepared = Awaited<ReturnType<typeof prepareSession>>;

/** Adds a one-off session to a chat (or to one of its events). */
export async function createSession(
  ctx: Context,
  actorId: number,
  chatId: number,
  input: SessionInput & { eventId?: number | null },
): Promise<SessionEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await requireHost(db, chat, actorId);
  if (input.eventId) {
    if (!(await isEventOfChat(db, input.eventId, chatId)))
      throw validationFailed(`event ${input.eventId} is not an event of this chat`);
  }
  const prepared = await prepareSession(ctx, chat, input);
  const [entity] = await writeSessions(ctx, chat, input.eventId ?? null, [prepared]);
  return entity;
}

/** Creates a named event: several sessions under the chat's hashtag, each with its own title, guests and extra tag. */
export async function createEventSeries(
  ctx: Context,
  actorId: number,
  chatId: number,
  input: NewEventSeries,
) {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await requireHost(db, chat, actorId);
  if (input.sessions.length === 0) throw validationFailed('an event needs at least one session');
  const prepared = [];
  for (const s of input.sessions) prepared.push(await prepareSession(ctx, chat, s));
  const now = ctx.now();
  const eventRow = { chat_id: chatId, name: input.name, description: input.description, created_at: now };
  const sessions = await writeSessions(ctx, chat, eventRow, prepared);
  const event = sessions[0]?.event;
  return { ...event!, chat_id: String(chatId), sessions };
}

/** Moves, retitles or re-casts one session; the rest of the chat's sessions are untouched. */
export async function updateSession(
  ctx: Context,
  actorId: number,
  sessionId: number,
  patch: SessionPatch,
): Promise<SessionEntity> {
  const db = ctx.store.db;
  const { session, chat } = await loadSession(db, sessionId);
  await requireHost(db, chat, actorId);
  const now = ctx.now();
  const moving = patch.startsAt !== undefined || patch.endsAt !== undefined;
  if (
    moving &&
    session.state !== 'scheduled' &&
    !(session.state === 'live' && patch.startsAt === undefined)
  ) {
    throw conflict(
      `This session is ${session.state}; only a scheduled session can be moved (a live one can only end later)`,
    );
  }
  let startsAt = Number(session.starts_at);
  let endsAt = Number(session.ends_at);
  if (patch.startsAt !== undefined) {
    const next = resolveInstant(patch.startsAt, chat.time_zone, 'starts_at');
    // Moving the start alone keeps the length.
    if (patch.endsAt === undefined) endsAt = next + (endsAt - startsAt);
    startsAt = next;
  }
  if (patch.endsAt !== undefined) endsAt = resolveInstant(patch.endsAt, chat.time_zone, 'ends_at');
  if (moving) checkSpan(startsAt, endsAt, now);
  const guests = patch.guests !== undefined ? await resolveGuests(db, patch.guests) : null;
  const extraTag = patch.extraTag !== undefined ? parseExtraTag(patch.extraTag) : session.extra_tag;
  const result = await db.transaction().execute(async (trx) => {
    await updateSessionRow(trx, sessionId, {
      starts_at: startsAt,
      ends_at: endsAt,
      extra_tag: extraTag,
      ...(patch.title !== undefined ? { title: patch.title?.trim() || null } : {}),
      ...(patch.agendaPublic !== undefined ? { agenda_public: patch.agendaPublic ? 1 : 0 } : {}),
      ...(patch.curatedThreshold !== undefined ? { curated_threshold: patch.curatedThreshold } : {}),
      updated_at: now,
    });
    if (guests) await setSessionGuests(trx, sessionId, guests);
    const updated = (await findSessionById(trx, sessionId))!;
    if (moving) await scheduleSessionJobs(trx, updated, now);
    const event = await sessionChangedEvent(ctx, trx, updated, chat);
    const stored = await appendEvents(trx, ctx.store.dialect, [event], now);
    return { entity: JSON.parse(event.payload) as SessionEntity, stored };
  });
  await publishEvents(ctx, result.stored);
  return result.entity;
}

/** Host controls: start early, end (early or on time), cancel one occurrence. */
export async function hostTransition(
  ctx: Context,
  actorId: number,
  sessionId: number,
  action: 'start' | 'end' | 'cancel',
): Promise<SessionEntity> {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  await requireHost(db, chat, actorId);
  const t =
    action === 'start'
      ? await goLive(ctx, sessionId, 'host')
      : action === 'end'
        ? await endSession(ctx, sessionId, 'host')
        : await cancelSession(ctx, sessionId);
  if (!t.session) throw notFound();
  const [entity] = await presentSessions(ctx, [t.session], db, new Map([[Number(chat.id), chat]]));
  return entity;
}

async function prepareSession(ctx: Context, chat: ChatRow, input: SessionInput) {
  const times = resolveSessionTimes(input, chat.time_zone, ctx.now(), Number(chat.duration_minutes));
  return {
    ...times,
    title: input.title?.trim() || null,
    guests: await resolveGuests(ctx.store.db, input.guests),
    extraTag: parseExtraTag(input.extraTag),
  };
}

/** One transaction: the event row (when new), the sessions, their guests and jobs, and their `chat.session` events. */
async function writeSessions(
  ctx: Context,
  chat: ChatRow,
  event: number | null | { chat_id: number; name: string; description: string; created_at: number },
  list: Prepared[],
): Promise<SessionEntity[]> {
  const now = ctx.now();
  const result = await ctx.store.db.transaction().execute(async (trx: Transaction<Database>) => {
    let eventId: number | null = null;
    if (typeof event === 'number') eventId = event;
    else if (event) eventId = await insertChatEvent(trx, event);
    const events: NewEvent[] = [];
    const entities: SessionEntity[] = [];
    for (const p of list) {
      const row = await insertSession(trx, {
        chat_id: Number(chat.id),
        event_id: eventId,
        origin: eventId === null ? 'one_off' : 'event',
        title: p.title,
        starts_at: p.startsAt,
        ends_at: p.endsAt,
        original_start: null,
        local_start: null,
        state: 'scheduled',
        extra_tag: p.extraTag,
        started_at: null,
        ended_at: null,
        created_at: now,
        updated_at: now,
      });
      await setSessionGuests(trx, Number(row.id), p.guests);
      await scheduleSessionJobs(trx, row, now);
      const e = await sessionChangedEvent(ctx, trx, row, chat);
      events.push(e);
      entities.push(JSON.parse(e.payload) as SessionEntity);
    }
    const stored = await appendEvents(trx, ctx.store.dialect, events, now);
    return { entities, stored };
  });
  await publishEvents(ctx, result.stored);
  return result.entities.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
}
