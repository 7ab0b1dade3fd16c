import { formBool, idParam, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { carryOver } from '../../../services/moderation/town-hall/carry-over';
import { curate } from '../../../services/moderation/town-hall/curate';
import { mergeSubmission } from '../../../services/moderation/town-hall/merge';
import { listQueue } from '../../../services/moderation/town-hall/queue';
import { getTownHall, setTownHall } from '../../../services/moderation/town-hall/settings';
import { submitQuestion } from '../../../services/moderation/town-hall/submit';
import { unvote, vote } from '../../../services/moderation/town-hall/vote';
import { optionalUser, requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const id = z.union([z.string().regex(/^\d{1,18}$/), z.number().int().positive()]).transform(Number);

const townHallBody = z.object({
  town_hall: formBool.optional(),
  submission_marker: userText().max(50).nullable().optional(),
});

const listQuery = z.object({
  sort: z.enum(['votes', 'newest', 'unanswered']).default('votes'),
  state: z.enum(['pending', 'approved', 'dismissed', 'answering', 'answered']).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,9}\.\d{1,18}$/, 'is not a cursor from a Link header')
    .transform((c) => {
      const [votes, sid] = c.split('.').map(Number);
      return { votes, id: sid };
    })
    .optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .transform((n) => Math.min(n, 80)),
});

/** Town-hall mode: the session's setting, the question queue, votes, and the moderators' curation. */
export const townHallRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/town_hall', async (req) => {
    const { id: sessionId } = parseRequest(idParam, req.params);
    return getTownHall(ctx, sessionId);
  });

  app.put('/api/v1/sessions/:id/town_hall', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const b = parseRequest(townHallBody, req.body);
    return setTownHall(ctx, me, sessionId, { townHall: b.town_hall, marker: b.submission_marker });
  });

  app.post('/api/v1/sessions/:id/submissions', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const { text } = parseRequest(z.object({ text: userText().max(1000) }), req.body);
    return submitQuestion(ctx, me, sessionId, text);
  });

  app.get('/api/v1/sessions/:id/submissions', async (req, reply) => {
    const viewer = optionalUser(req, 'read:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const q = parseRequest(listQuery, req.query);
    const { rows, entities } = await listQueue(ctx, viewer, sessionId, {
      sort: q.sort,
      state: q.state ?? null,
      cursor: q.cursor ?? null,
      limit: q.limit,
    });
    const last = rows[rows.length - 1];
    if (last && rows.length === q.limit) {
      const next = new URLSearchParams({ sort: q.sort, limit: String(q.limit) });
      if (q.state) next.set('state', q.state);
      next.set('cursor', `${q.sort === 'newest' ? 0 : last.votes_count}.${last.id}`);
      reply.header(
        'link',
        `<${ctx.config.publicUrl}/api/v1/sessions/${sessionId}/submissions?${next}>; rel="next"`,
      );
    }
    return entities;
  });

  app.post('/api/v1/sessions/:id/submissions/carry_over', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const b = parseRequest(
      z.object({ to_session_id: id, limit: z.coerce.number().int().min(1).max(100).default(10) }),
      req.body,
    );
    return carryOver(ctx, me, sessionId, b.to_session_id, b.limit);
  });

  app.post('/api/v1/submissions/:id/vote', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: submissionId } = parseRequest(idParam, req.params);
    return vote(ctx, me, submissionId);
  });

  app.delete('/api/v1/submissions/:id/vote', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: submissionId } = parseRequest(idParam, req.params);
    return unvote(ctx, me, submissionId);
  });

  for (const step of ['approve', 'dismiss', 'answering', 'answered'] as const) {
    app.post(`/api/v1/submissions/:id/${step}`, async (req) => {
      const me = requireUser(req, 'write:statuses');
      const { id: submissionId } = parseRequest(idParam, req.params);
      const b = parseRequest(
        z.object({ reason: userText().max(500).default(''), status_id: id.optional() }),
        req.body,
      );
      return curate(ctx, me, submissionId, step, { reason: b.reason, answerStatusId: b.status_id ?? null });
    });
  }

  app.post('/api/v1/submissions/:id/merge', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: submissionId } = parseRequest(idParam, req.params);
    const b = parseRequest(z.object({ into_id: id, reason: userText().max(500).default('') }), req.body);
    return mergeSubmission(ctx, me, submissionId, b.into_id, b.reason);
  });
};
