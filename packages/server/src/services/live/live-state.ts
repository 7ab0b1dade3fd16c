import type { Context } from '../../context';
import type { SessionEntity } from '../../present/chat';
import type { QuestionEntity } from '../../present/question';
import type { RoomStatusEntity } from '../../present/room-status';
import { currentQuestion, listAgenda, UNPUBLISHED } from '../../store/agenda';
import { spotlightedIds } from '../../store/room';
import { isHost, loadSession } from '../chats/access';
import { presentSessions } from '../chats/views';
import { presentQuestions, visibleTo } from './agenda';
import { type RoomCounters, roomCounters } from './counters';
import { loadCast, presentRoomStatuses } from './room-views';

export interface LiveState {
  session: SessionEntity;
  agenda_public: boolean;
  current_question: QuestionEntity | null;
  /** The next unpublished item, when the viewer may see it (hosts; everyone when the agenda is public). */
  next_question: QuestionEntity | null;
  counters: RoomCounters;
  spotlighted: RoomStatusEntity[];
}

/** Everything a room (or the host console) needs on open, in one read. */
export async function liveState(
  ctx: Context,
  sessionId: number,
  viewerId: number | null,
): Promise<LiveState> {
  const db = ctx.store.db;
  const opened = await loadSession(db, sessionId);
  const { session, chat } = opened;
  const host = viewerId !== null && (await isHost(db, chat, viewerId));
  const agendaPublic = Number(session.agenda_public) === 1;
  const [entity] = await presentSessions(ctx, [session], db, new Map([[Number(chat.id), chat]]));
  const [agenda, current, cast, spotIds, counters] = await Promise.all([
    listAgenda(db, sessionId),
    currentQuestion(db, sessionId),
    loadCast(db, session, Number(chat.owner_id)),
    spotlightedIds(db, sessionId),
    roomCounters(ctx, sessionId),
  ]);
  const next = agenda.find((r) => UNPUBLISHED.includes(r.state) && visibleTo(r, host, agendaPublic));
  const picked = [current, next].filter((r) => r !== undefined);
  const questions = await presentQuestions(ctx, opened, agenda, picked, viewerId);
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    session: entity,
    agenda_public: agendaPublic,
    current_question: current ? (byId.get(String(current.id)) ?? null) : null,
    next_question: next ? (byId.get(String(next.id)) ?? null) : null,
    counters,
    spotlighted: await presentRoomStatuses(ctx, sessionId, cast, spotIds, viewerId),
  };
}
