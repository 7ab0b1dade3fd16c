import { occurrences } from '@hashchat/core/chat/schedule';
import type { Kysely } from 'kysely';
import type { ChatRow } from '../../store/chats';
import type { Database } from '../../store/schema';
import { insertRuleSession } from '../../store/session-writes';
import { scheduleSessionJobs } from './session-jobs';

/** How far ahead a recurring chat's sessions exist as rows (each with an id, movable, cancellable). */
export const HORIZON_DAYS = 90;
const DAY_MS = 86_400_000;
// A one-off schedule has one session, however far ahead it is.
const ONE_OFF_HORIZON_DAYS = 3_700;

/**
 * Creates the session rows of a chat's schedule that overlap [now, now + horizon) and do not
 * exist yet, with their start and end jobs. An occurrence once materialised is never made
 * again: moving or cancelling it edits its row, which keeps its `original_start`. Returns the
 * ids of the new sessions.
 */
export async function materializeSessions(
  db: Kysely<Database>,
  chat: ChatRow,
  now: number,
): Promise<number[]> {
  if (!chat.schedule_start_local) return [];
  const horizon = (chat.rrule ? HORIZON_DAYS : ONE_OFF_HORIZON_DAYS) * DAY_MS;
  const schedule = {
    startsAtLocal: chat.schedule_start_local,
    timeZone: chat.time_zone,
    durationMinutes: Number(chat.duration_minutes),
    rrule: chat.rrule,
  };
  let list = occurrences(schedule, { from: new Date(now), to: new Date(now + horizon) }, 500);
  // A series that starts beyond the horizon still has a next session for its page, the
  // directory and the sessions list: its first one exists as a row too.
  if (list.length === 0 && chat.rrule)
    list = occurrences(
      schedule,
      { from: new Date(now), to: new Date(now + ONE_OFF_HORIZON_DAYS * DAY_MS) },
      1,
    );
  const created: number[] = [];
  for (const o of list) {
    const startsAt = o.startsAt.getTime();
    const row = await insertRuleSession(db, {
      chat_id: Number(chat.id),
      event_id: null,
      origin: 'rule',
      title: null,
      starts_at: startsAt,
      ends_at: o.endsAt.getTime(),
      original_start: startsAt,
      local_start: o.localStart,
      state: 'scheduled',
      extra_tag: null,
      started_at: null,
      ended_at: null,
      created_at: now,
      updated_at: now,
    });
    if (!row) continue;
    await scheduleSessionJobs(db, row, now);
    created.push(Number(row.id));
  }
  return created;
}
