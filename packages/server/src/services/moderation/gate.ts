import { userTopic } from '@hashchat/api/topics';
import { HashchatError } from '@hashchat/core/errors';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { Kysely, Transaction } from 'kysely';
import type { Context } from '../../context';
import { findAccountById } from '../../store/accounts';
import { liveTownHallMarkers } from '../../store/chat-sessions';
import { chatsClaimingTags, coHostedAmong } from '../../store/chats';
import type { NewEvent } from '../../store/events';
import {
  holdStateOf,
  putHold,
  restrictionsFor,
  setRoomState,
  settingsForChats,
} from '../../store/moderation';
import { deleteStatusNotifications } from '../../store/notifications';
import type { Database, HoldState, RoomState } from '../../store/schema';
import { insertSubmission } from '../../store/submissions';
import { slowModeKey } from './slow-mode';
import { matchWordFilter } from './word-filter';

/** What the room gate decided about a status about to be written (it was not rejected). */
export interface RoomGate {
  /** Held statuses stay out of the room, tag and public timelines and streams for all but their author. */
  hold: { chatId: number; state: Extract<HoldState, 'muted' | 'pending'>; reason: string } | null;
  /** Town-hall sessions whose marker the status carries: it becomes a question in their queue. */
  submissionSessions: number[];
}

export const OPEN_GATE: RoomGate = { hold: null, submissionSessions: [] };

export interface GateInput {
  /** Normalised hashtag names of the status. */
  tags: string[];
  visibility: string;
  text: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The room's rules, checked before a status is written: a ban rejects it (403), slow mode
 * rejects a post that comes too early (429), and nothing is written either way. A muted author,
 * a word-filter match or a too-new account hold it for review instead. Hosts, co-hosts and
 * instance moderators pass freely. Only public statuses with a claimed chat's hashtag are in a room.
 */
export async function checkRoomGate(
  ctx: Context,
  authorId: number,
  input: GateInput,
  // An edit is no new post: slow mode does not count it.
  opts: { slowMode?: boolean } = {},
): Promise<RoomGate> {
  if (input.visibility !== 'public' || input.tags.length === 0) return OPEN_GATE;
  const db = ctx.store.db;
  const chats = await chatsClaimingTags(db, input.tags);
  if (chats.length === 0) return OPEN_GATE;
  const author = await findAccountById(db, authorId);
  if (!author || author.role === 'admin' || author.role === 'moderator') return OPEN_GATE;
  const hosted = await coHostedAmong(
    db,
    authorId,
    chats.map((c) => c.id),
  );
  const rooms = chats.filter((c) => Number(c.owner_id) !== authorId && !hosted.has(Number(c.id)));
  if (rooms.length === 0) return OPEN_GATE;
  const ids = rooms.map((c) => Number(c.id));
  const now = ctx.now();
  const [{ banned, muted }, settings] = await Promise.all([
    restrictionsFor(db, authorId, ids, now),
    settingsForChats(db, ids),
  ]);
  for (const c of rooms) {
    if (banned.has(Number(c.id)))
      throw new HashchatError('Forbidden', `You are banned from #${c.hashtag}'s chat`);
  }
  for (const c of opts.slowMode === false ? [] : rooms) {
    const seconds = settings.get(Number(c.id))?.slowModeSeconds ?? 0;
    if (seconds <= 0) continue;
    // A window opens with an accepted post; another one inside it is too early.
    const { count, resetAt } = await ctx.rateLimiter.hit(slowModeKey(c.id, authorId), seconds);
    if (count > 1) {
      const wait = Math.max(1, Math.ceil((resetAt - now) / 1000));
      throw new HashchatError(
        'RateLimited',
        `Slow mode: wait ${wait} second${wait === 1 ? '' : 's'} before posting in #${c.hashtag} again`,
      );
    }
  }
  let hold: RoomGate['hold'] = null;
  for (const c of rooms) {
    const chatId = Number(c.id);
    const s = settings.get(chatId);
    if (muted.has(chatId)) {
      hold = { chatId, state: 'muted', reason: 'muted in this chat' };
      break;
    }
    const word = s ? matchWordFilter(input.text, s.wordFilter) : null;
    if (word !== null) hold ??= { chatId, state: 'pending', reason: `word filter: ${word}` };
    else if (s && s.minAccountAgeDays > 0 && Number(author.created_at) > now - s.minAccountAgeDays * DAY_MS) {
      hold ??= { chatId, state: 'pending', reason: `account newer than ${s.minAccountAgeDays} days` };
    }
  }
  const submissionSessions = hold?.state === 'muted' ? [] : await townHallSessions(db, ids, input);
  return { hold, submissionSessions };
}

/** Live town-hall sessions of these chats whose submission marker the status carries. */
async function townHallSessions(
  db: Kysely<Database>,
  chatIds: number[],
  input: GateInput,
): Promise<number[]> {
  const sessions = await liveTownHallMarkers(db, chatIds);
  return sessions.filter((s) => carriesMarker(input, s.marker)).map((s) => s.id);
}

/** A `#marker` is one of the status's hashtags; any other marker is a whole word or phrase of its text. */
export function carriesMarker(input: { tags: string[]; text: string }, marker: string): boolean {
  if (/^[#＃]/.test(marker)) return input.tags.includes(normalizeTag(marker.slice(1)));
  return matchWordFilter(input.text, [marker]) !== null;
}

/**
 * Inside createStatus's transaction, once its events are built (after the room index): records
 * the hold and the room state of the rows the room index wrote, files town-hall questions, and
 * returns the events to append. A held status reaches its author alone: its `update` goes to
 * `user:<author>` only, and its room events and mention notifications are dropped.
 */
export async function applyRoomGate(
  ctx: Context,
  trx: Transaction<Database>,
  status: { id: number; authorId: number; text: string },
  gate: RoomGate,
  events: NewEvent[],
): Promise<NewEvent[]> {
  const now = ctx.now();
  for (const sessionId of gate.submissionSessions) {
    await insertSubmission(trx, {
      session_id: sessionId,
      account_id: status.authorId,
      text: status.text.slice(0, 1000),
      status_id: status.id,
      state: 'pending',
      votes_count: 0,
      new_account_votes_count: 0,
      created_at: now,
      updated_at: now,
    });
  }
  if (!gate.hold) return events;
  await putHold(
    trx,
    {
      statusId: status.id,
      chatId: gate.hold.chatId,
      accountId: status.authorId,
      state: gate.hold.state,
      reason: gate.hold.reason,
    },
    now,
  );
  await setRoomState(trx, status.id, gate.hold.state);
  await deleteStatusNotifications(trx, status.id);
  const own = userTopic(status.authorId);
  const out: NewEvent[] = [];
  for (const e of events) {
    if (e.event === 'notification') continue;
    if (e.topics.some((t) => t.startsWith('session:'))) continue;
    if (e.event === 'update' && e.accountId === status.authorId) out.push({ ...e, topics: [own] });
    else if (e.topics.includes(own)) out.push({ ...e, topics: [own] });
  }
  return out;
}

/** The room state a status gets when the room index takes it: its hold's, else visible. */
export async function roomStateOf(db: Kysely<Database>, statusId: number): Promise<RoomState> {
  return (await holdStateOf(db, statusId)) ?? 'visible';
}
