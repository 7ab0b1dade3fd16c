import { conflict, notFound } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { findSessionById, type SessionRow } from '../../store/chat-sessions';
import { findChatById } from '../../store/chats';
import { appendEvents } from '../../store/events';
import { enqueueJob } from '../../store/jobs';
import type { ChatSessionState } from '../../store/schema';
import { moveSessionState, type SessionWindow } from '../../store/session-writes';
import { publishEvents } from '../publish';
import { sessionChangedEvent } from './session-events';
import { JOB } from './session-jobs';

/**
 * Who moves a session along: its own job at its time ('job': a no-op when the session is no
 * longer in the state it expects, so a job run twice changes nothing) or a host ('host':
 * anything but the expected state is a 409).
 */
export type Trigger = 'job' | 'host';

export interface Transition {
  /** The session after the change; null when nothing changed. */
  session: SessionRow | null;
  /** For a job that came too early (the session was moved later): when to try again. */
  rerunAt?: number;
}

interface Step {
  from: ChatSessionState[];
  to: ChatSessionState;
  /** A job acts only inside its window… */
  jobWindow: (now: number) => SessionWindow;
  /** …and when it came too early (the session was moved later), it runs again at this time; null: never. */
  waitUntil: (s: SessionRow, now: number) => number | null;
  stamp: 'started_at' | 'ended_at' | null;
  conflictMessage: (s: SessionRow) => string;
}

const START: Step = {
  from: ['scheduled'],
  to: 'live',
  jobWindow: (now) => ({ startsAtMost: now, endsAfter: now }),
  // Past its end it never goes live; the end job ends it.
  waitUntil: (s, now) => (now < Number(s.starts_at) ? Number(s.starts_at) : null),
  stamp: 'started_at',
  conflictMessage: (s) => `This session is ${s.state} and cannot be started`,
};

// A session nobody saw go live (the server was down all along) still ends at its end.
const END: Step = {
  from: ['scheduled', 'live'],
  to: 'ended',
  jobWindow: (now) => ({ endsAtMost: now }),
  waitUntil: (s, now) => (now < Number(s.ends_at) ? Number(s.ends_at) : null),
  stamp: 'ended_at',
  conflictMessage: (s) => `This session is ${s.state} and cannot be ended`,
};

const CANCEL: Step = {
  from: ['scheduled'],
  to: 'cancelled',
  jobWindow: () => ({}),
  waitUntil: () => null,
  stamp: null,
  conflictMessage: (s) => `This session is ${s.state} and cannot be cancelled`,
};

export const goLive = (ctx: Context, sessionId: number, by: Trigger) => transition(ctx, sessionId, START, by);
export const endSession = (ctx: Context, sessionId: number, by: Trigger) =>
  transition(ctx, sessionId, by === 'host' ? { ...END, from: ['live'] } : END, by);
export const cancelSession = (ctx: Context, sessionId: number) => transition(ctx, sessionId, CANCEL, 'host');

async function transition(ctx: Context, sessionId: number, step: Step, by: Trigger): Promise<Transition> {
  const now = ctx.now();
  type Outcome = {
    session: SessionRow | null;
    stored: Awaited<ReturnType<typeof appendEvents>>;
    rerunAt?: number;
  };
  const result = await ctx.store.db.transaction().execute(async (trx): Promise<Outcome> => {
    // The guarded update comes first and is the decision: of two racing callers exactly one
    // changes the row, and on SQLite the transaction holds the write lock from its first statement.
    const changed = await moveSessionState(
      trx,
      sessionId,
      step,
      now,
      by === 'job' ? step.jobWindow(now) : null,
    );
    const session = await findSessionById(trx, sessionId);
    if (!session) {
      if (by === 'host') throw notFound();
      return { session: null, stored: [] };
    }
    if (!changed) {
      if (by === 'host') throw conflict(step.conflictMessage(session));
      const waitUntil = step.from.includes(session.state) ? step.waitUntil(session, now) : null;
      return { session: null, stored: [], ...(waitUntil !== null ? { rerunAt: waitUntil } : {}) };
    }
    const chat = (await findChatById(trx, Number(session.chat_id)))!;
    if (step.to === 'live') {
      await enqueueJob(
        trx,
        {
          kind: JOB.liveReminders,
          runAt: now,
          payload: { session_id: sessionId },
          dedupeKey: `session:${sessionId}:live`,
        },
        now,
      );
    }
    const stored = await appendEvents(
      trx,
      ctx.store.dialect,
      [await sessionChangedEvent(ctx, trx, session, chat)],
      now,
    );
    return { session, stored };
  });
  await publishEvents(ctx, result.stored);
  return { session: result.session, ...(result.rerunAt !== undefined ? { rerunAt: result.rerunAt } : {}) };
}
