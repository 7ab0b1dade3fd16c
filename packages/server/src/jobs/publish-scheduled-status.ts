import type { Context } from '../context';
import { publishScheduled } from '../services/scheduled-statuses';
import type { JobHandler } from './scheduler';

/** `status.publish_scheduled`: posts a scheduled status when it falls due (once; cancelled ones are gone). */
export const publishScheduledStatusJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    await publishScheduled(ctx, Number(payload.scheduled_status_id));
    return undefined;
  };
