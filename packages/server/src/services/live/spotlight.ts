import { sessionTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import type { Context } from '../../context';
import type { RoomStatusEntity } from '../../present/room-status';
import { appendEvents } from '../../store/events';
import { findRoomRow, setSpotlight } from '../../store/room';
import { loadSession, requireHost } from '../chats/access';
import { publishEvents } from '../publish';
import { loadVisibleStatus } from '../visibility';
import { lateCuratedEvents } from './curated';
import { loadCast, presentRoomStatuses } from './room-views';

export interface SpotlightChange {
  status_id: string;
  spotlighted: boolean;
  status: RoomStatusEntity | null;
}

/**
 * Pins a status of the room to its top (or unpins it) and tells the room with `chat.spotlight`.
 * Setting the state it already has changes nothing and sends nothing.
 */
export async function changeSpotlight(
  ctx: Context,
  actorId: number,
  sessionId: number,
  statusId: number,
  on: boolean,
): Promise<SpotlightChange> {
  const db = ctx.store.db;
  const { session, chat } = await loadSession(db, sessionId);
  await requireHost(db, chat, actorId);
  await loadVisibleStatus(ctx, actorId, statusId);
  // Only a status of this session's room (404 like one the host may not see).
  const row = await findRoomRow(db, sessionId, statusId);
  if (!row) throw notFound();
  const cast = await loadCast(db, session, Number(chat.owner_id));
  const changed = (row.spotlighted_at !== null) !== on;
  const now = ctx.now();
  const stored = await db.transaction().execute(async (trx) => {
    if (!changed) return [];
    await setSpotlight(trx, sessionId, statusId, on ? now : null);
    const [status] = await presentRoomStatuses(ctx, sessionId, cast, [statusId], null, trx);
    const change: SpotlightChange = { status_id: String(statusId), spotlighted: on, status: status ?? null };
    // Spotlighted, a status becomes a highlight: curated readers get it first, then the pin.
    const curated = on
      ? await lateCuratedEvents(ctx, trx, session, Number(chat.owner_id), statusId, 'spotlight', now, status)
      : [];
    return appendEvents(
      trx,
      ctx.store.dialect,
      [
        ...curated,
        {
          event: 'chat.spotlight',
          payload: JSON.stringify(change),
          accountId: null,
          topics: [sessionTopic(sessionId)],
        },
      ],
      now,
    );
  });
  await publishEvents(ctx, stored);
  const [status] = await presentRoomStatuses(ctx, sessionId, cast, [statusId], actorId);
  return { status_id: String(statusId), spotlighted: on, status: status ?? null };
}
