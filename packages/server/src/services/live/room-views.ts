import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import {
  type AuthorRole,
  type RoomStatusEntity,
  serializeRoomChat,
  withChat,
} from '../../present/room-status';
import { guestsForSessions } from '../../store/chat-sessions';
import { coHostsForChats } from '../../store/chats';
import { roomRowsFor } from '../../store/room';
import type { Database } from '../../store/schema';
import { presentStatuses } from '../status-views';

/** The people with a badge in a session's room. */
export interface RoomCast {
  ownerId: number;
  coHosts: Set<number>;
  guests: Set<number>;
}

export async function loadCast(
  db: Kysely<Database>,
  session: { id: number; chat_id: number },
  ownerId: number,
): Promise<RoomCast> {
  const [co, guests] = await Promise.all([
    coHostsForChats(db, [Number(session.chat_id)]),
    guestsForSessions(db, [Number(session.id)]),
  ]);
  return {
    ownerId,
    coHosts: new Set(co.get(Number(session.chat_id)) ?? []),
    guests: new Set((guests.get(Number(session.id)) ?? []).map((g) => Number(g.account_id))),
  };
}

export const roleIn = (cast: RoomCast, accountId: number): AuthorRole =>
  accountId === cast.ownerId
    ? 'host'
    : cast.coHosts.has(accountId)
      ? 'co_host'
      : cast.guests.has(accountId)
        ? 'guest'
        : null;

/** The owner and co-hosts: who has host powers. */
export const hostIds = (cast: RoomCast) => [cast.ownerId, ...cast.coHosts];

/** Hydrate + present for a room: status ids in, room Status entities (with `chat`) out, same order; ids not in the room left out. */
export async function presentRoomStatuses(
  ctx: Context,
  sessionId: number,
  cast: RoomCast,
  ids: number[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<RoomStatusEntity[]> {
  if (ids.length === 0) return [];
  const [rows, statuses] = await Promise.all([
    roomRowsFor(db, sessionId, ids),
    presentStatuses(ctx, ids, viewerId, db),
  ]);
  const out: RoomStatusEntity[] = [];
  for (const s of statuses) {
    const row = rows.get(Number(s.id));
    if (!row) continue;
    out.push(withChat(s, serializeRoomChat(row, roleIn(cast, Number(row.account_id)))));
  }
  return out;
}
