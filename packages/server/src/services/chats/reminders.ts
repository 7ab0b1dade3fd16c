import { MAX_REMINDER_MINUTES } from '@hashchat/api/requests/chats';
import { userTopic } from '@hashchat/api/topics';
import type { Context } from '../../context';
import {
  alreadyReminded,
  claimGroupReminder,
  dueEarlyReminders,
  dueGroupReminders,
  followersToRemind,
  insertReminder,
  nextEarlyReminderAt,
  nextGroupReminderAt,
} from '../../store/chat-reminders';
import { findSessionById, type SessionRow } from '../../store/chat-sessions';
import { type ChatRow, findChatById } from '../../store/chats';
import { appendEvents, type NewEvent } from '../../store/events';
import { presentNotifications } from '../notifications';
import { publishEvents } from '../publish';

const CHUNK = 200;

/** The event that has a chat's Group remind its remote followers of a session (no topic: nobody here reads it). */
export const GROUP_REMINDER_EVENT = 'chat.reminder';
// The sweep runs at least this often, so new follows, sessions and settings are seen.
const SWEEP_MAX_WAIT_MS = 60_000;

/**
 * Sends `chat_reminder` notifications of one kind for a session to those of `recipients` who
 * have not had it: notification rows, `chat_reminders_sent` rows and `notification` stream
 * events on `user:<id>` in one transaction, published after it commits. The unique
 * (account, session, kind) key makes it once per person even if a job runs twice.
 */
async function sendReminders(
  ctx: Context,
  session: SessionRow,
  chat: ChatRow,
  kind: 'soon' | 'live',
  recipients: number[],
): Promise<number> {
  const now = ctx.now();
  const ownerId = Number(chat.owner_id);
  const sessionId = Number(session.id);
  const result = await ctx.store.db.transaction().execute(async (trx) => {
    const done = await alreadyReminded(trx, sessionId, kind, recipients);
    const rows = [];
    for (const accountId of recipients) {
      if (done.has(accountId)) continue;
      const row = await insertReminder(trx, { accountId, ownerId, sessionId, kind, now });
      rows.push(row);
    }
    const entities = new Map((await presentNotifications(ctx, rows, ownerId, trx)).map((e) => [e.id, e]));
    const events: NewEvent[] = [];
    for (const row of rows) {
      const entity = entities.get(String(row.id));
      if (entity)
        events.push({
          event: 'notification',
          payload: JSON.stringify(entity),
          accountId: ownerId,
          topics: [userTopic(row.account_id)],
        });
    }
    return { sent: rows.length, stored: await appendEvents(trx, ctx.store.dialect, events, now) };
  });
  await publishEvents(ctx, result.stored);
  return result.sent;
}

/** "It's live": every follower of the session's chat, once, while the session is live. */
export async function sendLiveReminders(ctx: Context, sessionId: number): Promise<number> {
  let total = 0;
  for (;;) {
    const session = await findSessionById(ctx.store.db, sessionId);
    // Late (the session already ended) is worse than never for a "join now" nudge.
    if (session?.state !== 'live') return total;
    const chat = await findChatById(ctx.store.db, Number(session.chat_id));
    if (!chat) return total;
    const recipients = await followersToRemind(ctx.store.db, Number(chat.id), sessionId, 'live', CHUNK);
    if (recipients.length === 0) return total;
    total += await sendReminders(ctx, session, chat, 'live', recipients);
  }
}

/**
 * Sends every early reminder that is due (each follower's own lead time, default
 * REMINDER_LEAD_MINUTES) and returns when to look again. A session that has already started
 * gets no early reminder: the "live" one covers it.
 */
export async function sweepEarlyReminders(ctx: Context): Promise<{ sent: number; nextAt: number }> {
  const db = ctx.store.db;
  const lead = ctx.config.reminderLeadMinutes;
  let sent = 0;
  for (;;) {
    const due = await dueEarlyReminders(db, ctx.now(), lead, MAX_REMINDER_MINUTES, 1000);
    const bySession = new Map<number, number[]>();
    for (const d of due) bySession.set(d.session_id, [...(bySession.get(d.session_id) ?? []), d.account_id]);
    for (const [sessionId, accounts] of bySession) {
      const session = await findSessionById(db, sessionId);
      const chat = session && (await findChatById(db, Number(session.chat_id)));
      if (!session || !chat) continue;
      for (let i = 0; i < accounts.length; i += CHUNK)
        sent += await sendReminders(ctx, session, chat, 'soon', accounts.slice(i, i + CHUNK));
    }
    if (due.length < 1000) break;
  }
  if (ctx.federation && lead > 0) await sendGroupReminders(ctx, lead);
  const now = ctx.now();
  const next = await nextEarlyReminderAt(db, now, lead, MAX_REMINDER_MINUTES);
  const nextGroup = ctx.federation && lead > 0 ? await nextGroupReminderAt(db, now, lead) : null;
  return {
    sent,
    nextAt: Math.min(
      next ?? Number.POSITIVE_INFINITY,
      nextGroup ?? Number.POSITIVE_INFINITY,
      now + SWEEP_MAX_WAIT_MS,
    ),
  };
}

/**
 * A chat's remote followers have no notifications here: its Group reminds them instead, once
 * per session, `REMINDER_LEAD_MINUTES` before the start, with a `Note` to its followers (the
 * fediverse edge builds and sends it from the committed event). Claimed and recorded in one
 * transaction, so two sweeps never send it twice. Returns how many sessions were reminded.
 */
async function sendGroupReminders(ctx: Context, lead: number): Promise<number> {
  let reminded = 0;
  for (const sessionId of await dueGroupReminders(ctx.store.db, ctx.now(), lead, 100)) {
    const now = ctx.now();
    const stored = await ctx.store.db.transaction().execute(async (trx) => {
      if (!(await claimGroupReminder(trx, sessionId, now))) return [];
      const event: NewEvent = {
        event: GROUP_REMINDER_EVENT,
        payload: JSON.stringify({ session_id: String(sessionId) }),
        accountId: null,
        topics: [],
      };
      return appendEvents(trx, ctx.store.dialect, [event], now);
    });
    if (stored.length > 0) reminded++;
    await publishEvents(ctx, stored);
  }
  return reminded;
}
