import type { Context } from '../context';
import { sendLiveReminders } from '../services/chats/reminders';
import type { JobHandler } from './scheduler';

/** `session.live_reminders`: enqueued when a session goes live; tells its chat's followers, once each. */
export const liveRemindersJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    await sendLiveReminders(ctx, Number(payload.session_id));
    return undefined;
  };
