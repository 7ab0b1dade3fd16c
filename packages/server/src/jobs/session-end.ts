import type { Context } from '../context';
import { endSession } from '../services/chats/session-state';
import type { JobHandler } from './scheduler';

/** `session.end`: a live (or never started) session ends at its end time; a session moved later waits. */
export const sessionEndJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    const t = await endSession(ctx, Number(payload.session_id), 'job');
    return t.rerunAt !== undefined ? { rerunAt: t.rerunAt } : undefined;
  };
