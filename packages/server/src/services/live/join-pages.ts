import { chatTopic, curatedTopic, sessionTopic, tagTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { Context } from '../../context';
import { findSessionById } from '../../store/chat-sessions';
import { findChatByTag } from '../../store/chats';
import { listQuestions } from './agenda';
import { liveState } from './live-state';
import { readRoom } from './room';

/**
 * What every logged-out joiner of a live room loads (the chat, the hashtag, the room's first
 * page, the live state, the agenda), answered from the hot-page cache (stream/hot-pages.ts):
 * one computation per change for everyone, not one per joiner. Each answer is kept as the JSON
 * the route sends and is dropped by any event on the session's or the chat's topic (the tag's,
 * for the tag): new, held, hidden, edited and deleted statuses, questions, spotlights, session
 * and chat changes, the room's counters. Only for readers with no account: what a signed-in
 * viewer sees depends on who they are.
 */
export interface HotAnswer {
  json: string;
  /** A page's status ids, in order: the route builds its Link header from them and its own query. */
  ids?: string[];
}

/** The chat a session belongs to (a session never moves); a 404 for a session that does not exist. */
export function sessionChatId(ctx: Context, sessionId: number): Promise<number> {
  return ctx.hotPages.get(`session-chat:${sessionId}`, [sessionTopic(sessionId)], async () => {
    const session = await findSessionById(ctx.store.db, sessionId);
    if (!session) throw notFound();
    return Number(session.chat_id);
  });
}

/** An answer about a session, computed at most once per change (session and chat events). */
async function sessionAnswer(
  ctx: Context,
  sessionId: number,
  what: string,
  compute: () => Promise<HotAnswer>,
): Promise<HotAnswer> {
  const chatId = await sessionChatId(ctx, sessionId);
  return ctx.hotPages.get(`${what}:${sessionId}`, [sessionTopic(sessionId), chatTopic(chatId)], compute);
}

/**
 * `GET /api/v1/sessions/:id/room` with no filters (or `only=curated`) and no viewer: the room's
 * first page. The curated page changes only with the curated topic's events (a few a second in
 * a room taking a hundred), so it is kept that long rather than dropped by every status.
 */
export async function hotRoomPage(
  ctx: Context,
  sessionId: number,
  limit: number,
  curated = false,
): Promise<HotAnswer> {
  const compute = async () => {
    const statuses = await readRoom(ctx, sessionId, null, {
      only: curated ? 'curated' : null,
      question: null,
      console: false,
      maxId: null,
      sinceId: null,
      minId: null,
      limit,
    });
    return { json: JSON.stringify(statuses), ids: statuses.map((s) => s.id) };
  };
  if (!curated) return sessionAnswer(ctx, sessionId, `room:${limit}`, compute);
  const chatId = await sessionChatId(ctx, sessionId);
  return ctx.hotPages.get(
    `curated-room:${limit}:${sessionId}`,
    [curatedTopic(sessionId), chatTopic(chatId)],
    compute,
  );
}

/** `GET /api/v1/sessions/:id/live` with no viewer. */
export function hotLiveState(ctx: Context, sessionId: number): Promise<HotAnswer> {
  return sessionAnswer(ctx, sessionId, 'live', async () => ({
    json: JSON.stringify(await liveState(ctx, sessionId, null)),
  }));
}

/** `GET /api/v1/sessions/:id/questions` with no viewer. */
export function hotQuestions(ctx: Context, sessionId: number): Promise<HotAnswer> {
  return sessionAnswer(ctx, sessionId, 'questions', async () => ({
    json: JSON.stringify(await listQuestions(ctx, sessionId, null)),
  }));
}

/**
 * `GET /api/v1/chats/by_tag/:tag` with no viewer. Which chat holds a hashtag is kept briefly
 * (claims change when a chat is made, deleted or released); the chat's page until its events.
 */
export async function hotChatByTag(
  ctx: Context,
  tag: string,
  page: (chatId: number) => Promise<unknown>,
): Promise<HotAnswer> {
  const name = normalizeTag(tag.replace(/^[#＃]/, ''));
  const chatId = await ctx.hotPages.get(`tag-chat:${name}`, [], async () => {
    const chat = await findChatByTag(ctx.store.db, name);
    if (!chat) throw notFound();
    return Number(chat.id);
  });
  return ctx.hotPages.get(`chat-page:${chatId}`, [chatTopic(chatId)], async () => ({
    json: JSON.stringify(await page(chatId)),
  }));
}

/** `GET /api/v1/tags/:name` with no viewer: the tag and its week of use, dropped by its statuses' events. */
export function hotTag(ctx: Context, name: string, compute: () => Promise<unknown>): Promise<HotAnswer> {
  return ctx.hotPages.get(`tag:${name}`, [tagTopic(name)], async () => ({
    json: JSON.stringify(await compute()),
  }));
}
