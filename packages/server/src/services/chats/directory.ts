import { utcToLocal } from '@hashchat/core/chat/zone-time';
import type { Context } from '../../context';
import type { ChatEntity, SessionEntity } from '../../present/chat';
import { listDirectorySessions, listSessions, type SessionRow } from '../../store/chat-sessions';
import { type ChatRow, findChatsByIds } from '../../store/chats';
import type { ChatSessionState } from '../../store/schema';
import { presentChats, presentSessions } from './views';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface DirectoryParams {
  category: number | null;
  language: string | null;
  q: string | null;
  /** Zone the upcoming sessions are grouped into days by (the viewer's). */
  timeZone: string;
  days: number;
  soonMinutes: number;
  viewerId: number | null;
}

export interface DirectoryEntry {
  session: SessionEntity;
  chat: ChatEntity;
}

/** How many chats the directory's "Later" section lists at most. */
const LATER_LIMIT = 40;

/**
 * The directory in sections: sessions live now, starting within `soonMinutes`, the rest of
 * the next `days` grouped by local day in `timeZone`, and "later": the next session of each
 * chat with none before, however far off. Each entry is a session with its chat.
 */
export async function directory(ctx: Context, p: DirectoryParams) {
  const now = ctx.now();
  const db = ctx.store.db;
  const like = ctx.store.dialect.ilike;
  const filters = { category: p.category, language: p.language, q: p.q };
  const soonUntil = now + p.soonMinutes * MINUTE_MS;
  const horizon = now + p.days * DAY_MS;
  const [live, upcoming, beyond] = await Promise.all([
    listDirectorySessions(
      db,
      { ...filters, states: ['live'], from: now - 365 * DAY_MS, to: now + 365 * DAY_MS, limit: 40 },
      like,
    ),
    listDirectorySessions(
      db,
      { ...filters, states: ['scheduled'], from: now, to: horizon, limit: 240 },
      like,
    ),
    // Starting at or after the horizon (a session overlapping it is in `upcoming` already).
    listDirectorySessions(
      db,
      {
        ...filters,
        states: ['scheduled'],
        from: horizon,
        to: Number.MAX_SAFE_INTEGER,
        limit: LATER_LIMIT * 2,
        firstPerChat: true,
      },
      like,
    ),
  ]);
  const future = upcoming.filter((s) => Number(s.starts_at) > now);
  // A chat listed sooner needs no "later" line; one line per chat.
  const listed = new Set([...live, ...future].map((s) => Number(s.chat_id)));
  const farther: SessionRow[] = [];
  for (const s of beyond) {
    if (Number(s.starts_at) < horizon || listed.has(Number(s.chat_id))) continue;
    listed.add(Number(s.chat_id));
    if (farther.length < LATER_LIMIT) farther.push(s);
  }
  const entries = await entriesFor(ctx, [...live, ...future, ...farther], p.viewerId);
  const pick = (rows: SessionRow[]) => rows.flatMap((r) => entries.get(Number(r.id)) ?? []);
  const soon = future.filter((s) => Number(s.starts_at) <= soonUntil);
  const later = future.filter((s) => Number(s.starts_at) > soonUntil);
  const byDay = new Map<string, DirectoryEntry[]>();
  for (const e of pick(later)) {
    const day = utcToLocal(new Date(e.session.starts_at), p.timeZone).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  return {
    generated_at: new Date(now).toISOString(),
    time_zone: p.timeZone,
    live: pick(live),
    starting_soon: pick(soon),
    upcoming: [...byDay].map(([date, list]) => ({ date, sessions: list })),
    later: pick(farther),
  };
}

async function entriesFor(
  ctx: Context,
  rows: SessionRow[],
  viewerId: number | null,
): Promise<Map<number, DirectoryEntry>> {
  const chatRows = await findChatsByIds(
    ctx.store.db,
    rows.map((r) => Number(r.chat_id)),
  );
  const [sessions, chats] = await Promise.all([
    presentSessions(ctx, rows, ctx.store.db, chatRows),
    presentChats(ctx, [...chatRows.values()], viewerId),
  ]);
  const chatById = new Map(chats.map((c) => [c.id, c]));
  const out = new Map<number, DirectoryEntry>();
  for (const s of sessions) {
    const chat = chatById.get(s.chat_id);
    if (chat) out.set(Number(s.id), { session: s, chat });
  }
  return out;
}

/** A chat's page: the Chat entity with its next sessions and its most recent past ones. */
export async function chatPage(ctx: Context, chat: ChatRow, viewerId: number | null) {
  const db = ctx.store.db;
  const chatId = Number(chat.id);
  const base = { chatId, cursor: null, from: null, to: null, limit: 5 };
  const [entity, upcoming, past] = await Promise.all([
    presentChats(ctx, [chat], viewerId).then((l) => l[0]),
    listSessions(db, { ...base, states: ['scheduled', 'live'], order: 'asc', from: ctx.now() }),
    listSessions(db, { ...base, states: ['ended'], order: 'desc' }),
  ]);
  const known = new Map([[chatId, chat]]);
  return {
    ...entity,
    upcoming_sessions: await presentSessions(ctx, upcoming, db, known),
    past_sessions: await presentSessions(ctx, past, db, known),
  };
}

export type SessionListState = ChatSessionState | 'upcoming' | 'past';

/** Which states and which direction a `state` filter of the sessions list means. */
export function sessionListPlan(state: SessionListState | undefined): {
  states: ChatSessionState[];
  order: 'asc' | 'desc';
} {
  switch (state) {
    case undefined:
    case 'upcoming':
      return { states: ['scheduled', 'live'], order: 'asc' };
    case 'past':
      return { states: ['ended'], order: 'desc' };
    case 'ended':
    case 'cancelled':
      return { states: [state], order: 'desc' };
    default:
      return { states: [state], order: 'asc' };
  }
}
