import { validationFailed } from '@hashchat/api/requests/validation';
import { conflict, notFound, unprocessable } from '@hashchat/core/errors';
import type { Transaction } from 'kysely';
import type { Context } from '../../context';
import { findAccountById } from '../../store/accounts';
import { appendEvents, type NewEvent } from '../../store/events';
import {
  dropHold,
  dropRestriction,
  findHold,
  mutedHoldIds,
  putHold,
  putRestriction,
  setRoomState,
} from '../../store/moderation';
import type { Database, ReportCategory } from '../../store/schema';
import { findStatusById, type StatusRow } from '../../store/statuses';
import { loadSession } from '../chats/access';
import { publishEvents } from '../publish';
import { loadVisibleStatus } from '../visibility';
import { logAction, type ModerationActionEntity, presentActions } from './log';
import { isModerator, requireModerator } from './moderators';
import { releaseEvents, withdrawEvent, withdrawReblogEvents } from './room-events';

export type RoomAction = 'hide' | 'unhide' | 'mute' | 'unmute' | 'ban' | 'unban' | 'approve' | 'reject';

export interface RoomActionInput {
  action: RoomAction;
  statusId: number | null;
  accountId: number | null;
  durationMinutes: number | null;
  reason: string;
  category: ReportCategory | null;
}

const STATUS_ACTIONS = new Set<RoomAction>(['hide', 'unhide', 'approve', 'reject']);

/**
 * One moderator action on a session's room (and its chat): the change, its log entry and its
 * stream events in one transaction, then published. Returns the logged action.
 */
export async function moderateRoom(
  ctx: Context,
  actorId: number,
  sessionId: number,
  input: RoomActionInput,
): Promise<ModerationActionEntity> {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  await requireModerator(db, chat, actorId);
  const now = ctx.now();
  // A status the moderator may see, of this chat's room, or 404: an action names its author.
  const status =
    input.statusId === null ? null : await loadVisibleStatus(ctx, actorId, input.statusId, { room: chat });
  if (STATUS_ACTIONS.has(input.action) && !status)
    throw validationFailed('status_id is required for this action');
  const accountId = input.accountId ?? (status ? Number(status.account_id) : null);
  if (!STATUS_ACTIONS.has(input.action)) {
    if (accountId === null) throw validationFailed('account_id is required for this action');
    if (!(await findAccountById(db, accountId))) throw notFound('The account does not exist');
    if ((input.action === 'mute' || input.action === 'ban') && (await isModerator(db, chat, accountId)))
      throw unprocessable(
        `Hosts and moderators of this chat cannot be ${input.action === 'mute' ? 'muted' : 'banned'}`,
      );
  }
  const chatId = Number(chat.id);
  const { entry, stored } = await db.transaction().execute(async (trx) => {
    const events: NewEvent[] = [];
    switch (input.action) {
      case 'hide': {
        await putHold(
          trx,
          {
            statusId: Number(status!.id),
            chatId,
            accountId: accountId!,
            state: 'hidden',
            reason: input.reason,
          },
          now,
        );
        const sessions = await setRoomState(trx, Number(status!.id), 'hidden');
        events.push(await withdrawEvent(trx, status!, [...new Set([...sessions, sessionId])]));
        events.push(...(await withdrawReblogEvents(trx, status!)));
        break;
      }
      case 'reject': {
        const hold = await findHold(trx, Number(status!.id));
        if (hold?.state !== 'pending' && hold?.state !== 'muted')
          throw conflict('This status is not waiting for review');
        await putHold(
          trx,
          {
            statusId: Number(status!.id),
            chatId,
            accountId: accountId!,
            state: 'hidden',
            reason: input.reason,
          },
          now,
        );
        await setRoomState(trx, Number(status!.id), 'hidden');
        break;
      }
      case 'unhide':
      case 'approve': {
        const hold = await findHold(trx, Number(status!.id));
        if (!hold || (input.action === 'unhide' && hold.state !== 'hidden'))
          throw conflict(input.action === 'unhide' ? 'This status is not hidden' : 'This status is not held');
        events.push(...(await release(ctx, trx, status!)));
        break;
      }
      case 'mute':
      case 'ban': {
        const expiresAt = input.durationMinutes ? now + input.durationMinutes * 60_000 : null;
        await putRestriction(trx, input.action === 'mute' ? 'chat_mutes' : 'chat_bans', {
          chat_id: chatId,
          account_id: accountId!,
          moderator_id: actorId,
          reason: input.reason,
          expires_at: expiresAt,
          created_at: now,
        });
        break;
      }
      case 'unmute': {
        if (!(await dropRestriction(trx, 'chat_mutes', chatId, accountId!)))
          throw conflict('This account is not muted in this chat');
        // Undoing a mute lets in what the mute kept out.
        const held = await mutedHoldIds(trx, chatId, accountId!, 200);
        for (const h of held) {
          const row = await findStatusById(trx, h);
          if (row) events.push(...(await release(ctx, trx, row)));
        }
        break;
      }
      case 'unban': {
        if (!(await dropRestriction(trx, 'chat_bans', chatId, accountId!)))
          throw conflict('This account is not banned from this chat');
        break;
      }
    }
    const entry = await logAction(
      trx,
      {
        chatId,
        sessionId,
        moderatorId: actorId,
        action: input.action,
        statusId: status ? Number(status.id) : null,
        accountId,
        category: input.category,
        reason: input.reason,
        durationMinutes: input.action === 'mute' || input.action === 'ban' ? input.durationMinutes : null,
      },
      now,
    );
    return { entry, stored: await appendEvents(trx, ctx.store.dialect, events, now) };
  });
  await publishEvents(ctx, stored);
  return (await presentActions(ctx, [entry]))[0];
}

/** Lets a held status into the room: hold gone, room rows visible, its `update` out. */
async function release(ctx: Context, trx: Transaction<Database>, row: StatusRow): Promise<NewEvent[]> {
  await dropHold(trx, Number(row.id));
  await setRoomState(trx, Number(row.id), 'visible');
  return releaseEvents(ctx, trx, row);
}
