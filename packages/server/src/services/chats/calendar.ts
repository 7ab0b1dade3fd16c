import { parseRrule } from '@hashchat/core/chat/recurrence-rule';
import { occurrences } from '@hashchat/core/chat/schedule';
import { localToUtc } from '@hashchat/core/chat/zone-time';
import { stripControlChars } from '@hashchat/core/text/control-chars';
import ical, { ICalAlarmType, type ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Context } from '../../context';
import { chatUrl, roomUrl, sessionUrl } from '../../present/chat';
import { findAccountsByIds } from '../../store/accounts';
import { reminderMinutesOf } from '../../store/chat-preferences';
import {
  guestsForSessions,
  listSessions,
  type SessionRow,
  sessionsOfFollowedChats,
} from '../../store/chat-sessions';
import { type ChatRow, findChatsByIds } from '../../store/chats';
import { loadChat, loadSession } from './access';
import { icsText } from './ics-text';
import { vtimezone } from './vtimezone';

const DAY_MS = 86_400_000;
const YEAR_MS = 366 * DAY_MS;
const MAX_EVENTS = 1000;

/**
 * iCalendar documents for chats and sessions. Every time carries its chat's TZID with a
 * VTIMEZONE, every event a display alarm and the room's URL, so "Tuesday 20:00 New York" stays
 * 20:00 in New York across DST in any calendar app.
 *
 * Every user-written value is escaped for its content line: ical-generator escapes SUMMARY,
 * DESCRIPTION, LOCATION and URL itself but writes the calendar's NAME / X-WR-CALNAME raw, so
 * that one goes through `icsText`; control characters are dropped from all of them. The RRULE
 * line is the parsed rule's canonical text, never the stored string.
 */
interface Doc {
  cal: ICalCalendar;
  /** Bounds of everything in the document, for the VTIMEZONE transitions. */
  span: { from: number; to: number };
}

function newDoc(ctx: Context, name: string, span: { from: number; to: number }): Doc {
  const doc: Doc = {
    cal: ical({ name: icsText(name), prodId: { company: 'Hashchat', product: 'chats', language: 'EN' } }),
    span,
  };
  // Read lazily: events added later widen the span.
  doc.cal.timezone({
    name: null,
    generator: (tz) => vtimezone(tz, doc.span.from - YEAR_MS, Math.max(doc.span.to, ctx.now()) + 2 * YEAR_MS),
  });
  return doc;
}

const uidHost = (ctx: Context) => new URL(ctx.config.publicUrl).host;
const local = (ms: number, tz: string) => DateTime.fromMillis(ms, { zone: tz });
const icsLocal = (ms: number, tz: string) => local(ms, tz).toFormat("yyyyMMdd'T'HHmmss");

interface EventSpec {
  uid: string;
  chat: ChatRow;
  start: number;
  end: number;
  title: string;
  url: string;
  details: string;
  cancelled: boolean;
  alarmMinutes: number;
  recurrenceId?: number;
  rrule?: { rule: string; exdates: number[] };
  stamp: number;
}

function addEvent(doc: Doc, e: EventSpec): void {
  const tz = e.chat.time_zone;
  const title = stripControlChars(e.title);
  doc.span.from = Math.min(doc.span.from, e.start);
  doc.span.to = Math.max(doc.span.to, e.end);
  const repeating = e.rrule
    ? [
        `RRULE:${parseRrule(e.rrule.rule).text}`,
        ...(e.rrule.exdates.length > 0
          ? [`EXDATE;TZID=${tz}:${e.rrule.exdates.map((x) => icsLocal(x, tz)).join(',')}`]
          : []),
      ].join('\n')
    : undefined;
  doc.cal.createEvent({
    id: e.uid,
    start: local(e.start, tz),
    end: local(e.end, tz),
    timezone: tz,
    stamp: DateTime.fromMillis(e.stamp, { zone: 'utc' }),
    summary: title,
    description: stripControlChars(e.details),
    url: e.url,
    location: e.url,
    ...(e.recurrenceId !== undefined ? { recurrenceId: local(e.recurrenceId, tz) } : {}),
    ...(repeating ? { repeating } : {}),
    ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : { status: ICalEventStatus.CONFIRMED }),
    alarms:
      e.cancelled || e.alarmMinutes <= 0
        ? []
        : [
            {
              type: ICalAlarmType.display,
              trigger: e.alarmMinutes * 60,
              description: `${title} starts in ${e.alarmMinutes} minutes`,
            },
          ],
  });
}

async function sessionSpecs(
  ctx: Context,
  sessions: SessionRow[],
  chats: Map<number, ChatRow>,
  alarmMinutes: number,
) {
  const guests = await guestsForSessions(
    ctx.store.db,
    sessions.map((s) => Number(s.id)),
  );
  const accounts = await findAccountsByIds(
    ctx.store.db,
    [...guests.values()].flat().map((g) => g.account_id),
  );
  const base = ctx.config.publicUrl;
  return sessions.flatMap((s) => {
    const chat = chats.get(Number(s.chat_id));
    if (!chat) return [];
    const names = (guests.get(Number(s.id)) ?? []).flatMap((g) => {
      const a = accounts.get(g.account_id);
      return a ? [`${a.display_name || a.username} (@${a.username}, ${g.badge})`] : [];
    });
    const spec: Omit<EventSpec, 'uid'> = {
      chat,
      start: Number(s.starts_at),
      end: Number(s.ends_at),
      title: `${s.title ?? chat.title} #${chat.hashtag}`,
      url: roomUrl(base, chat.hashtag),
      details: describe(ctx, chat, names, sessionUrl(base, Number(chat.id), Number(s.id))),
      cancelled: s.state === 'cancelled',
      alarmMinutes,
      stamp: Number(s.updated_at),
    };
    return [{ session: s, spec, hasGuests: names.length > 0 }];
  });
}

function describe(ctx: Context, chat: ChatRow, guests: string[], pageUrl: string): string {
  return [
    chat.description,
    guests.length > 0 ? `Guests: ${guests.join(', ')}` : '',
    `Join the room: ${roomUrl(ctx.config.publicUrl, chat.hashtag)}`,
    `Session page: ${pageUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** "Add to calendar" for one session. */
export async function sessionCalendar(ctx: Context, sessionId: number): Promise<string> {
  const { session, chat } = await loadSession(ctx.store.db, sessionId);
  const doc = newDoc(ctx, chat.title, { from: Number(session.starts_at), to: Number(session.ends_at) });
  for (const { spec } of await sessionSpecs(
    ctx,
    [session],
    new Map([[Number(chat.id), chat]]),
    ctx.config.reminderLeadMinutes,
  )) {
    addEvent(doc, { ...spec, uid: `session-${session.id}@${uidHost(ctx)}` });
  }
  return doc.cal.toString();
}

/**
 * A whole chat. A recurring schedule is one master event with the chat's RRULE; a cancelled
 * occurrence is an EXDATE and a moved or changed one a RECURRENCE-ID override, so calendar
 * apps show sessions beyond the materialised ones. One-off and event sessions (and sessions of
 * an earlier schedule) are events of their own.
 */
export async function chatCalendar(ctx: Context, chatId: number): Promise<string> {
  const chat = await loadChat(ctx.store.db, chatId);
  const now = ctx.now();
  const sessions = await listSessions(ctx.store.db, {
    chatId,
    states: [],
    order: 'asc',
    cursor: null,
    from: now - YEAR_MS,
    to: null,
    limit: MAX_EVENTS,
  });
  const doc = newDoc(ctx, `${chat.title} #${chat.hashtag}`, { from: now, to: now });
  const lead = ctx.config.reminderLeadMinutes;
  const specs = await sessionSpecs(ctx, sessions, new Map([[chatId, chat]]), lead);
  const host = uidHost(ctx);
  const seriesUid = `chat-${chatId}-series@${host}`;
  const schedule =
    chat.schedule_start_local && chat.rrule
      ? {
          startsAtLocal: chat.schedule_start_local,
          timeZone: chat.time_zone,
          durationMinutes: Number(chat.duration_minutes),
          rrule: chat.rrule,
        }
      : null;
  const firstFrom = schedule ? localToUtc(schedule.startsAtLocal, schedule.timeZone).getTime() : 0;
  const first = schedule
    ? occurrences(schedule, { from: new Date(firstFrom), to: new Date(firstFrom + 20 * YEAR_MS) }, 1)[0]
    : undefined;
  const ofRule = (s: SessionRow) =>
    schedule !== null &&
    s.origin === 'rule' &&
    s.original_start !== null &&
    occurrences(
      schedule,
      { from: new Date(Number(s.original_start)), to: new Date(Number(s.original_start) + 1) },
      1,
    )[0]?.startsAt.getTime() === Number(s.original_start);
  if (schedule && first) {
    const exdates = specs
      .filter(({ session: s }) => s.state === 'cancelled' && ofRule(s))
      .map(({ session: s }) => Number(s.original_start));
    addEvent(doc, {
      uid: seriesUid,
      chat,
      start: first.startsAt.getTime(),
      end: first.endsAt.getTime(),
      title: `${chat.title} #${chat.hashtag}`,
      url: roomUrl(ctx.config.publicUrl, chat.hashtag),
      details: describe(ctx, chat, [], chatUrl(ctx.config.publicUrl, chatId)),
      cancelled: false,
      alarmMinutes: lead,
      rrule: { rule: schedule.rrule!, exdates },
      stamp: Number(chat.updated_at),
    });
  }
  for (const { session: s, spec, hasGuests } of specs) {
    if (ofRule(s)) {
      if (s.state === 'cancelled') continue;
      const changed =
        Number(s.starts_at) !== Number(s.original_start) ||
        s.title !== null ||
        s.extra_tag !== null ||
        hasGuests;
      if (changed) addEvent(doc, { ...spec, uid: seriesUid, recurrenceId: Number(s.original_start) });
    } else {
      addEvent(doc, { ...spec, uid: `session-${s.id}@${host}` });
    }
  }
  return doc.cal.toString();
}

/** Everything an account follows, session by session (past month to the materialised horizon), with its own reminder time. */
export async function personalCalendar(ctx: Context, accountId: number): Promise<string> {
  const now = ctx.now();
  const sessions = await sessionsOfFollowedChats(
    ctx.store.db,
    accountId,
    now - 31 * DAY_MS,
    now + YEAR_MS,
    MAX_EVENTS,
  );
  const chats = await findChatsByIds(
    ctx.store.db,
    sessions.map((s) => Number(s.chat_id)),
  );
  const reminderMinutes = await reminderMinutesOf(ctx.store.db, accountId);
  const doc = newDoc(ctx, 'Hashchat: chats I follow', { from: now, to: now });
  for (const { session, spec } of await sessionSpecs(
    ctx,
    sessions,
    chats,
    reminderMinutes ?? ctx.config.reminderLeadMinutes,
  )) {
    addEvent(doc, { ...spec, uid: `session-${session.id}@${uidHost(ctx)}` });
  }
  return doc.cal.toString();
}
