import type { Context } from '../context';
import { scheduleAgendaJobs } from '../services/live/question-jobs';
import { liveRemindersJob } from './live-reminders';
import type { JobHandler } from './scheduler';

/**
 * `session.live_reminders`, enqueued once in the transaction that takes a session live (by its
 * start job or a host): moves the agenda's timed items to the actual start (a session started
 * early asks its questions early too), then reminds the chat's followers. Both steps are idempotent.
 */
export const sessionWentLiveJob = (ctx: Context): JobHandler => {
  const remind = liveRemindersJob(ctx);
  return async (job, payload) => {
    await scheduleAgendaJobs(ctx, Number(payload.session_id));
    return remind(job, payload);
  };
};
