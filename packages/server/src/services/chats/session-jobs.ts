import type { Kysely } from 'kysely';
import { scheduleJob } from '../../store/jobs';
import type { Database } from '../../store/schema';

/** Job kinds of the chat layer; jobs/handlers.ts maps each to its handler. */
export const JOB = {
  sessionStart: 'session.start',
  sessionEnd: 'session.end',
  liveReminders: 'session.live_reminders',
  reminderSweep: 'reminders.sweep',
  materialize: 'sessions.materialize',
} as const;

/** Puts a session's start and end jobs at its current times (new, or moved). */
export async function scheduleSessionJobs(
  db: Kysely<Database>,
  session: { id: number; starts_at: number; ends_at: number },
  now: number,
): Promise<void> {
  const id = Number(session.id);
  await scheduleJob(
    db,
    {
      kind: JOB.sessionStart,
      runAt: Number(session.starts_at),
      payload: { session_id: id },
      dedupeKey: `session:${id}:start`,
    },
    now,
  );
  await scheduleJob(
    db,
    {
      kind: JOB.sessionEnd,
      runAt: Number(session.ends_at),
      payload: { session_id: id },
      dedupeKey: `session:${id}:end`,
    },
    now,
  );
}
