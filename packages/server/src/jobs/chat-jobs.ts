import type { Context } from '../context';
import { JOB } from '../services/chats/session-jobs';
import { QUESTION_JOB } from '../services/live/question-jobs';
import { MEDIA_JOB } from '../services/media';
import { POLL_ENDED_JOB } from '../services/polls';
import { SCHEDULED_STATUS_JOB } from '../services/scheduled-statuses';
import { scheduleJob } from '../store/jobs';
import { materializeSessionsJob } from './materialize-sessions';
import { processMediaJob, removeMediaFilesJob, sweepMediaJob } from './media-jobs';
import { pollEndedJob } from './poll-ended';
import { publishQuestionJob } from './publish-question';
import { publishScheduledStatusJob } from './publish-scheduled-status';
import { reminderSweepJob } from './reminder-sweep';
import { Scheduler } from './scheduler';
import { sessionEndJob } from './session-end';
import { sessionStartJob } from './session-start';
import { sessionWentLiveJob } from './session-went-live';

/** Every job kind this process knows, by name. */
export function jobHandlers(ctx: Context) {
  return {
    [JOB.sessionStart]: sessionStartJob(ctx),
    [JOB.sessionEnd]: sessionEndJob(ctx),
    [JOB.liveReminders]: sessionWentLiveJob(ctx),
    [JOB.reminderSweep]: reminderSweepJob(ctx),
    [JOB.materialize]: materializeSessionsJob(ctx),
    [QUESTION_JOB]: publishQuestionJob(ctx),
    [MEDIA_JOB.process]: processMediaJob(ctx),
    [MEDIA_JOB.sweep]: sweepMediaJob(ctx),
    [MEDIA_JOB.remove]: removeMediaFilesJob(ctx),
    [SCHEDULED_STATUS_JOB]: publishScheduledStatusJob(ctx),
    [POLL_ENDED_JOB]: pollEndedJob(ctx),
  };
}

/**
 * Builds the scheduler for a context and makes sure the recurring jobs exist and are due (their
 * dedupe keys keep one of each across restarts and instances). Call `start()` to begin polling.
 */
export async function createScheduler(ctx: Context): Promise<Scheduler> {
  const now = ctx.now();
  // Due now (and revived if they ever failed for good): both are idempotent.
  await scheduleJob(ctx.store.db, { kind: JOB.reminderSweep, runAt: now, dedupeKey: 'reminders:sweep' }, now);
  await scheduleJob(
    ctx.store.db,
    { kind: JOB.materialize, runAt: now, dedupeKey: 'sessions:materialize' },
    now,
  );
  await scheduleJob(ctx.store.db, { kind: MEDIA_JOB.sweep, runAt: now, dedupeKey: 'media:sweep' }, now);
  return new Scheduler({
    db: ctx.store.db,
    dialect: ctx.store.dialect,
    now: ctx.now,
    owner: ctx.instanceId,
    pollMs: ctx.config.jobsPollMs,
    handlers: jobHandlers(ctx),
    log: ctx.log,
  });
}
