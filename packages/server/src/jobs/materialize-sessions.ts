import type { Context } from '../context';
import { materializeSessions } from '../services/chats/materialize';
import { recurringChatsAfter } from '../store/chats';
import { pruneJobs } from '../store/jobs';
import type { JobHandler } from './scheduler';

const DAY_MS = 86_400_000;
const KEEP_FINISHED_JOBS_MS = 30 * DAY_MS;

/**
 * `sessions.materialize`: once a day, extends every recurring chat's sessions to the rolling
 * horizon (one transaction per chat), and forgets jobs finished a month ago.
 */
export const materializeSessionsJob =
  (ctx: Context): JobHandler =>
  async () => {
    const db = ctx.store.db;
    let after = 0;
    for (;;) {
      const chats = await recurringChatsAfter(db, after, 100);
      for (const chat of chats) {
        await db.transaction().execute((trx) => materializeSessions(trx, chat, ctx.now()));
        after = Number(chat.id);
      }
      if (chats.length < 100) break;
    }
    await pruneJobs(db, ctx.now() - KEEP_FINISHED_JOBS_MS);
    return { rerunAt: ctx.now() + DAY_MS };
  };
