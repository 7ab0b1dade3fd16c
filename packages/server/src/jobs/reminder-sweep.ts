import type { Context } from '../context';
import { sweepEarlyReminders } from '../services/chats/reminders';
import type { JobHandler } from './scheduler';

/** `reminders.sweep`: one recurring job that sends due early reminders and runs again when the next falls due. */
export const reminderSweepJob =
  (ctx: Context): JobHandler =>
  async () => {
    const { nextAt } = await sweepEarlyReminders(ctx);
    return { rerunAt: nextAt };
  };
