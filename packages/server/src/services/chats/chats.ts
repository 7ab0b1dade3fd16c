import { chatTopic } from '@hashchat/api/topics';
import { conflict, forbidden, notFound, unprocessable } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import type { ChatEntity } from '../../present/chat';
import { findAccountById } from '../../store/accounts';
import {
  deleteChatFollow,
  deleteChatRow,
  deleteClaim,
  deleteCoHost,
  deleteFutureRuleSessions,
  insertChat,
  insertChatFollow,
  insertClaim,
  insertCoHost,
  updateChatRow,
} from '../../store/chat-writes';
import { type ChatRow, findChatById, findClaim } from '../../store/chats';
import { appendEvents, type NewEvent } from '../../store/events';
import type { Database } from '../../store/schema';
import { isUniqueViolation } from '../../store/unique-violation';
import { publishEvents } from '../publish';
import { isAdmin, isHost, loadChat, requireAdmin, requireHost } from './access';
import { checkSchedule, checkTimeZone, parseHashtag, resolveCategory, type ScheduleInput } from './inputs';
import { materializeSessions } from './materialize';
import { presentChat } from './views';

export interface NewChat {
  hashtag: string;
  title: string;
  description: string;
  category: string | null;
  language: string;
  timeZone: string;
  rules: string;
  schedule: ScheduleInput | null;
}

export type ChatPatch = Partial<Omit<NewChat, 'hashtag' | 'schedule'>> & {
  schedule?: ScheduleInput | null;
  fediverseAnnounces?: 'all' | 'questions';
};

// In the host's words: the chat's title says which one; its id would mean nothing to them.
const claimedError = (tag: string, chat: { title: string }) =>
  unprocessable(`Hashtag #${tag} is already claimed by the chat "${chat.title}": choose another hashtag`);

/** Creates a chat owned by `hostId`, claims its hashtag and materialises its first sessions, in one transaction. */
export async function createChat(ctx: Context, hostId: number, input: NewChat): Promise<ChatEntity> {
  const db = ctx.store.db;
  const now = ctx.now();
  const tag = parseHashtag(input.hashtag);
  checkTimeZone(input.timeZone);
  if (input.schedule) checkSchedule(input.schedule, input.timeZone, now);
  const categoryId = await resolveCategory(db, input.category);
  const existing = await findClaim(db, tag.name);
  if (existing) throw claimedError(tag.display, existing);
  try {
    return await db.transaction().execute(async (trx) => {
      const chat = await insertChat(trx, {
        owner_id: hostId,
        hashtag: tag.display,
        tag_name: tag.name,
        title: input.title,
        description: input.description,
        category_id: categoryId,
        language: input.language,
        time_zone: input.timeZone,
        rules: input.rules,
        schedule_start_local: input.schedule?.startsAt ?? null,
        duration_minutes: input.schedule?.durationMinutes ?? 60,
        rrule: input.schedule?.rrule ?? null,
        created_at: now,
        updated_at: now,
      });
      await insertClaim(trx, tag.name, chat.id, now);
      await materializeSessions(trx, chat, now);
      return presentChat(ctx, chat, hostId, trx);
    });
  } catch (err) {
    // Two hosts claiming one hashtag at once: the loser gets the same answer as if it came second.
    const winner = isUniqueViolation(err) ? await findClaim(db, tag.name) : undefined;
    if (winner) throw claimedError(tag.display, winner);
    throw err;
  }
}

/**
 * Changes a chat. A new schedule or zone replaces the rule's future sessions that have not
 * started (moved or retitled ones too); one-off and event sessions keep their instants.
 */
export async function updateChat(
  ctx: Context,
  actorId: number,
  chatId: number,
  patch: ChatPatch,
): Promise<ChatEntity> {
  const db = ctx.store.db;
  const now = ctx.now();
  const chat = await loadChat(db, chatId);
  await requireHost(db, chat, actorId);
  const timeZone = patch.timeZone !== undefined ? checkTimeZone(patch.timeZone) : chat.time_zone;
  const schedule =
    patch.schedule !== undefined
      ? patch.schedule
      : chat.schedule_start_local
        ? {
            startsAt: chat.schedule_start_local,
            durationMinutes: Number(chat.duration_minutes),
            rrule: chat.rrule,
          }
        : null;
  const rescheduled = patch.schedule !== undefined || timeZone !== chat.time_zone;
  if (rescheduled && schedule) checkSchedule(schedule, timeZone, now);
  const categoryId =
    patch.category !== undefined ? await resolveCategory(db, patch.category) : chat.category_id;
  const result = await db.transaction().execute(async (trx) => {
    await updateChatRow(trx, chatId, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.rules !== undefined ? { rules: patch.rules } : {}),
      ...(patch.fediverseAnnounces !== undefined ? { fediverse_announces: patch.fediverseAnnounces } : {}),
      category_id: categoryId,
      time_zone: timeZone,
      schedule_start_local: schedule?.startsAt ?? null,
      duration_minutes: schedule?.durationMinutes ?? Number(chat.duration_minutes),
      rrule: schedule?.rrule ?? null,
      updated_at: now,
    });
    const updated = (await findChatById(trx, chatId))!;
    if (rescheduled) {
      await deleteFutureRuleSessions(trx, chatId, now);
      await materializeSessions(trx, updated, now);
    }
    const entity = await presentChat(ctx, updated, actorId, trx);
    const stored = await appendEvents(
      trx,
      ctx.store.dialect,
      [await chatChangedEvent(ctx, trx, updated)],
      now,
    );
    return { entity, stored };
  });
  await publishEvents(ctx, result.stored);
  return result.entity;
}

/** Deletes a chat with its sessions and releases its hashtag. Hosts and admins may. */
export async function deleteChat(ctx: Context, actorId: number, chatId: number): Promise<void> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  if (!(await isHost(db, chat, actorId)) && !(await isAdmin(db, actorId)))
    throw forbidden('Only the hosts of this chat or an admin can delete it');
  const now = ctx.now();
  const stored = await db.transaction().execute(async (trx) => {
    await deleteChatRow(trx, chatId);
    const event: NewEvent = {
      event: 'chat.delete',
      payload: JSON.stringify({ id: String(chatId) }),
      accountId: null,
      topics: [chatTopic(chatId)],
    };
    return appendEvents(trx, ctx.store.dialect, [event], now);
  });
  await publishEvents(ctx, stored);
}

/** An admin frees a chat's hashtag; the chat stays, unclaimed, and another chat may claim the tag. */
export async function releaseClaim(ctx: Context, actorId: number, chatId: number): Promise<ChatEntity> {
  const db = ctx.store.db;
  await requireAdmin(db, actorId);
  const chat = await loadChat(db, chatId);
  if (!(await deleteClaim(db, chatId))) throw notFound('This chat holds no hashtag claim');
  // Which chat holds a hashtag is kept in the hot pages without a topic (others forget it within their TTL).
  ctx.hotPages.clear();
  return presentChat(ctx, chat, actorId);
}

export async function addCoHost(
  ctx: Context,
  actorId: number,
  chatId: number,
  accountId: number,
): Promise<ChatEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await requireHost(db, chat, actorId);
  // An account id from outside, like any other: a missing (or suspended) one is a 404.
  const account = await findAccountById(db, accountId);
  if (!account || account.suspended_at !== null) throw notFound();
  if (Number(chat.owner_id) === accountId) throw conflict('The owner is already a host of this chat');
  await insertCoHost(db, chatId, accountId, ctx.now());
  await announceChatChange(ctx, chatId);
  return presentChat(ctx, chat, actorId);
}

export async function removeCoHost(
  ctx: Context,
  actorId: number,
  chatId: number,
  accountId: number,
): Promise<ChatEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await requireHost(db, chat, actorId);
  if (!(await deleteCoHost(db, chatId, accountId)))
    throw notFound('That account is not a co-host of this chat');
  await announceChatChange(ctx, chatId);
  return presentChat(ctx, chat, actorId);
}

export async function followChat(ctx: Context, accountId: number, chatId: number): Promise<ChatEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await insertChatFollow(db, chatId, accountId, ctx.now());
  // Only a count changed: this instance's pages now, others' within their TTL.
  ctx.hotPages.invalidate(chatTopic(chatId));
  return presentChat(ctx, chat, accountId);
}

export async function unfollowChat(ctx: Context, accountId: number, chatId: number): Promise<ChatEntity> {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  await deleteChatFollow(db, chatId, accountId);
  ctx.hotPages.invalidate(chatTopic(chatId));
  return presentChat(ctx, chat, accountId);
}

/**
 * Tells the chat's stream (and every instance's hot pages) that the chat changed, after a write
 * that carries no event of its own: the co-hosts, whose badges the room shows.
 */
async function announceChatChange(ctx: Context, chatId: number): Promise<void> {
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const chat = await findChatById(trx, chatId);
    if (!chat) return [];
    return appendEvents(trx, ctx.store.dialect, [await chatChangedEvent(ctx, trx, chat)], ctx.now());
  });
  await publishEvents(ctx, stored);
}

/** A `chat.update` event with the Chat entity as anyone sees it. */
async function chatChangedEvent(ctx: Context, db: Kysely<Database>, chat: ChatRow): Promise<NewEvent> {
  const entity = await presentChat(ctx, chat, null, db);
  return {
    event: 'chat.update',
    payload: JSON.stringify(entity),
    accountId: null,
    topics: [chatTopic(Number(chat.id))],
  };
}
