import type { Context } from '../context';
import { publishQuestion } from '../services/live/publish-question';
import { agendaAnchor } from '../services/live/session-times';
import { findQuestion, UNPUBLISHED } from '../store/agenda';
import { findSessionById } from '../store/chat-sessions';
import type { JobHandler } from './scheduler';

/** How often a due item waits for its session to go live (the session's own start job does that). */
const WAIT_FOR_LIVE_MS = 1000;

/**
 * `question.publish`: publishes a timed agenda item at its offset from the session's start, as
 * the chat's owner. Checks again at run time: an item published, skipped or untimed meanwhile,
 * or a session over, is left alone; a session moved later makes it wait.
 */
export const publishQuestionJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    const id = Number(payload.question_id);
    const q = await findQuestion(ctx.store.db, id);
    if (!q || !UNPUBLISHED.includes(q.state) || q.offset_minutes === null) return undefined;
    const session = await findSessionById(ctx.store.db, Number(q.session_id));
    if (!session || (session.state !== 'scheduled' && session.state !== 'live')) return undefined;
    const now = ctx.now();
    const due = agendaAnchor(session) + Number(q.offset_minutes) * 60_000;
    if (now < due) return { rerunAt: due };
    if (session.state === 'scheduled') return { rerunAt: now + WAIT_FOR_LIVE_MS };
    await publishQuestion(ctx, id, 'job');
    return undefined;
  };
