import type { Context } from '../context';
import { goLive } from '../services/chats/session-state';
import type { JobHandler } from './scheduler';

/** `session.start`: a scheduled session goes live at its start (no-op if a host started, cancelled or it is past its end). */
export const sessionStartJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    const t = await goLive(ctx, Number(payload.session_id), 'job');
    return t.rerunAt !== undefined ? { rerunAt: t.rerunAt } : undefined;
  };
