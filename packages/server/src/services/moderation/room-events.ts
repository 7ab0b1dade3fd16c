import { accountTopic, sessionTopic } from '@hashchat/api/topics';
import type { Transaction } from 'kysely';
import type { Context } from '../../context';
import { serializeRoomChat, withChat } from '../../present/room-status';
import type { NewEvent } from '../../store/events';
import { roomEntriesOfStatus } from '../../store/room';
import type { Database } from '../../store/schema';
import { reblogsOf, type StatusRow, statusTagsAndMentions } from '../../store/statuses';
import { authorRole } from '../live/room-index';
import { presentStatus } from '../status-views';
import { statusTopics } from '../visibility';

async function topicsOf(trx: Transaction<Database>, row: StatusRow, sessionIds: number[]): Promise<string[]> {
  const { tagNames, mentionIds } = await statusTagsAndMentions(trx, Number(row.id));
  const topics = statusTopics(row, tagNames, mentionIds);
  return [...new Set([...topics, ...sessionIds.map(sessionTopic)])];
}

/**
 * A status leaves the room (hidden): a Mastodon `delete` on every topic its `update` went to
 * (tag, public, the author's) and on the session rooms, so connected readers drop it.
 */
export async function withdrawEvent(
  trx: Transaction<Database>,
  row: StatusRow,
  sessionIds: number[],
): Promise<NewEvent> {
  return {
    event: 'delete',
    payload: String(row.id),
    accountId: Number(row.account_id),
    topics: await topicsOf(trx, row, sessionIds),
  };
}

/**
 * Reblogs of a status being hidden leave with it: a `delete` of each reblog on its booster's
 * topic, so followers' streams drop the copy (reads already leave them out).
 */
export async function withdrawReblogEvents(trx: Transaction<Database>, row: StatusRow): Promise<NewEvent[]> {
  const reblogs = await reblogsOf(trx, Number(row.id));
  return reblogs.map((r) => ({
    event: 'delete',
    payload: String(r.id),
    accountId: Number(r.account_id),
    topics: [accountTopic(r.account_id)],
  }));
}

/**
 * A held status is let in (approved, unhidden, its author unmuted): its `update` goes out now,
 * and each session room that indexed it gets the room entity (with its `chat` field).
 */
export async function releaseEvents(
  ctx: Context,
  trx: Transaction<Database>,
  row: StatusRow,
): Promise<NewEvent[]> {
  const entity = await presentStatus(ctx, Number(row.id), null, trx);
  if (!entity) return [];
  const authorId = Number(row.account_id);
  const events: NewEvent[] = [
    {
      event: 'update',
      payload: JSON.stringify(entity),
      accountId: authorId,
      topics: await topicsOf(trx, row, []),
    },
  ];
  const rooms = await roomEntriesOfStatus(trx, Number(row.id));
  for (const r of rooms) {
    const role = await authorRole(
      trx,
      { id: Number(r.session_id), chat_id: Number(r.chat_id), owner_id: Number(r.owner_id) },
      authorId,
    );
    events.push({
      event: 'update',
      payload: JSON.stringify(withChat(entity, serializeRoomChat({ ...r, room_state: 'visible' }, role))),
      accountId: authorId,
      topics: [sessionTopic(Number(r.session_id))],
    });
  }
  return events;
}
