import type { Context } from '../../context';
import type { SessionEntity } from '../../present/chat';
import type { RoomStatusEntity } from '../../present/room-status';
import { type QuestionIndexEntity, type SessionRoles, transcriptChat } from '../../present/transcript';
import { coHostsForChats } from '../../store/chats';
import { questionIndex, type RoomPageQuery, roomPage } from '../../store/transcripts';
import { loadSession } from '../chats/access';
import { presentSessions } from '../chats/views';
import { presentStatuses } from '../status-views';

export interface TranscriptPage {
  session: SessionEntity;
  final: boolean;
  questions: QuestionIndexEntity[];
  statuses: RoomStatusEntity[];
}

/** One keyset page of a session's transcript, as `viewerId` sees the statuses (favourited, reblogged). */
export async function transcriptPage(
  ctx: Context,
  sessionId: number,
  viewerId: number | null,
  q: RoomPageQuery,
): Promise<TranscriptPage> {
  const db = ctx.store.db;
  const { session: row, chat } = await loadSession(db, sessionId);
  const chatId = Number(chat.id);
  const [rows, index, [session], coHosts] = await Promise.all([
    roomPage(db, sessionId, q),
    questionIndex(db, sessionId),
    presentSessions(ctx, [row], db, new Map([[chatId, chat]])),
    coHostsForChats(db, [chatId]),
  ]);
  const roles: SessionRoles = {
    ownerId: String(chat.owner_id),
    coHostIds: new Set((coHosts.get(chatId) ?? []).map(String)),
    guestIds: new Set(session.guests.map((g) => g.id)),
  };
  const entities = await presentStatuses(
    ctx,
    rows.map((r) => Number(r.id)),
    viewerId,
  );
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return {
    session,
    final: row.state === 'ended',
    questions: index.map((e) => ({
      question_number: e.question_number,
      status_id: e.status_id === null ? null : String(e.status_id),
      text: e.text,
      answers_count: e.answers_count,
    })),
    statuses: entities.map((s) => ({ ...s, chat: transcriptChat(byId.get(s.id)!, sessionId, roles) })),
  };
}
