import type { Context } from '../context';
import { notifyPollEnded } from '../services/polls';
import type { JobHandler } from './scheduler';

/** `poll.ended`: tells a poll's voters and author that it ended (once). */
export const pollEndedJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    await notifyPollEnded(ctx, Number(payload.poll_id));
    return undefined;
  };
