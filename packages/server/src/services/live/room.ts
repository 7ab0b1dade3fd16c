import { forbidden } from '@hashchat/core/errors';
import type { Context } from '../../context';
import type { RoomStatusEntity } from '../../present/room-status';
import { listRoom } from '../../store/room';
import { isHost, loadSession } from '../chats/access';
import { hostIds, loadCast, presentRoomStatuses } from './room-views';

export interface RoomFilters {
  /** 'hosts': the host, co-hosts and guests only; 'curated': what the curated stream carried. */
  only: 'hosts' | 'curated' | null;
  /** One question's thread: the question and its answers. */
  question: number | null;
  /** The host console: statuses in every room state (hidden, pending, muted too). */
  console: boolean;
  maxId: number | null;
  sinceId: number | null;
  minId: number | null;
  limit: number;
}

/** One page of a session's room as the viewer may see it, newest first, each status with its `chat` field. */
export async function readRoom(
  ctx: Context,
  sessionId: number,
  viewerId: number | null,
  f: RoomFilters,
): Promise<RoomStatusEntity[]> {
  const db = ctx.store.db;
  const { session, chat } = await loadSession(db, sessionId);
  const cast = await loadCast(db, session, Number(chat.owner_id));
  if (f.console && (viewerId === null || !(await isHost(db, chat, viewerId)))) {
    throw forbidden('Only the hosts of this chat can read the room in the console');
  }
  const rows = await listRoom(db, {
    sessionId,
    viewerId,
    allStates: f.console,
    accountIds: f.only === 'hosts' ? [...hostIds(cast), ...cast.guests] : null,
    curatedOnly: f.only === 'curated',
    questionNumber: f.question,
    maxId: f.maxId,
    sinceId: f.sinceId,
    minId: f.minId,
    limit: f.limit,
  });
  return presentRoomStatuses(
    ctx,
    sessionId,
    cast,
    rows.map((r) => Number(r.status_id)),
    viewerId,
  );
}
