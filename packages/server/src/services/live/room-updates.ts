import { curatedTopic, sessionTopic } from '@hashchat/api/topics';
import type { Kysely } from 'kysely';
import { serializeRoomChat, withChat } from '../../present/room-status';
import type { StatusEntity } from '../../present/status';
import type { NewEvent } from '../../store/events';
import { roomRowsOfStatus, roomsOfStatus } from '../../store/room';
import type { Database } from '../../store/schema';
import { authorRole } from './room-index';

/**
 * `status.update` events for the session streams (and curated streams) a status is visible in, each with the
 * status's `chat` field for that room (a held or hidden one stays unheard, as when posted).
 */
export async function roomUpdateEvents(
  trx: Kysely<Database>,
  statusId: number,
  entity: StatusEntity,
): Promise<NewEvent[]> {
  const [rows, sessions] = await Promise.all([roomRowsOfStatus(trx, statusId), roomsOfStatus(trx, statusId)]);
  const events: NewEvent[] = [];
  for (const row of rows) {
    const session = sessions.find((s) => Number(s.id) === Number(row.session_id));
    if (!session || row.room_state !== 'visible') continue;
    const role = await authorRole(trx, session, Number(row.account_id));
    events.push({
      event: 'status.update',
      payload: JSON.stringify(withChat(entity, serializeRoomChat(row, role))),
      accountId: Number(row.account_id),
      // A status curated readers were shown changes for them too.
      topics: [
        sessionTopic(Number(row.session_id)),
        ...(row.curated !== null ? [curatedTopic(Number(row.session_id))] : []),
      ],
    });
  }
  return events;
}
