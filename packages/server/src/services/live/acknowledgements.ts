import type { Context } from '../../context';
import { type AccountEntity, serializeAccount } from '../../present/account';
import type { RoomStatusEntity } from '../../present/room-status';
import { findAccountsByIds } from '../../store/accounts';
import { unacknowledged } from '../../store/room';
import { loadSession, requireHost } from '../chats/access';
import { hostIds, loadCast, presentRoomStatuses } from './room-views';

export interface Acknowledgement {
  account: AccountEntity;
  statuses_count: number;
  last_status: RoomStatusEntity;
  /** When their first unanswered status in the room was posted. */
  waiting_since: string;
}

const LIMIT = 200;

/**
 * The host console's acknowledgement list: participants who posted in the room and have had no
 * reply and no like from a host or co-host yet, longest-waiting first. Someone drops off as
 * soon as a host replies to or likes any of their statuses in the room.
 */
export async function listAcknowledgements(
  ctx: Context,
  actorId: number,
  sessionId: number,
): Promise<Acknowledgement[]> {
  const db = ctx.store.db;
  const { session, chat } = await loadSession(db, sessionId);
  await requireHost(db, chat, actorId);
  const cast = await loadCast(db, session, Number(chat.owner_id));
  const waiting = await unacknowledged(db, sessionId, hostIds(cast), LIMIT);
  const [accounts, statuses] = await Promise.all([
    findAccountsByIds(
      db,
      waiting.map((w) => w.account_id),
    ),
    presentRoomStatuses(
      ctx,
      sessionId,
      cast,
      waiting.map((w) => w.last_status_id),
      actorId,
    ),
  ]);
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const base = ctx.config.publicUrl;
  return waiting.flatMap((w) => {
    const account = accounts.get(w.account_id);
    const last = byId.get(String(w.last_status_id));
    if (!account || !last) return [];
    return [
      {
        account: serializeAccount(account, base),
        statuses_count: w.statuses_count,
        last_status: last,
        waiting_since: new Date(w.first_at).toISOString(),
      },
    ];
  });
}
