import { curatedTopic } from '@hashchat/api/topics';
import type { CuratedReason } from '@hashchat/core/chat/curated';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import type { RoomStatusEntity } from '../../present/room-status';
import type { NewEvent } from '../../store/events';
import { findRoomRow, markCurated } from '../../store/room';
import type { Database } from '../../store/schema';
import { loadCast, presentRoomStatuses } from './room-views';

/**
 * A room status becomes a highlight after it was written (spotlighted, its town-hall question
 * approved): curated readers, who were not shown it, get its `update` now, on the curated topic
 * alone (full readers have it). Once per status: a status already curated sends nothing.
 */
export async function lateCuratedEvents(
  ctx: Context,
  trx: Kysely<Database>,
  session: { id: number; chat_id: number },
  ownerId: number,
  statusId: number,
  reason: CuratedReason,
  now: number,
  /** The status as the room's public sees it, when the caller has presented it already. */
  presented?: RoomStatusEntity | null,
): Promise<NewEvent[]> {
  const sessionId = Number(session.id);
  const row = await findRoomRow(trx, sessionId, statusId);
  // Only a status the room shows: a held or hidden one is not put before the room this way.
  if (row?.room_state !== 'visible') return [];
  if (!(await markCurated(trx, sessionId, statusId, reason, now))) return [];
  const status =
    presented ??
    (
      await presentRoomStatuses(ctx, sessionId, await loadCast(trx, session, ownerId), [statusId], null, trx)
    )[0];
  if (!status) return [];
  return [
    {
      event: 'update',
      payload: JSON.stringify(status),
      accountId: Number(row.account_id),
      topics: [curatedTopic(sessionId)],
    },
  ];
}
