import { idParam } from '@hashchat/api/requests/fields';
import {
  carryOverBody,
  curateBody,
  mergeBody,
  submissionBody,
  submissionListQuery,
  townHallBody,
} from '@hashchat/api/requests/moderation';
import { parseRequest } from '@hashchat/api/requests/validation';
import { carryOver } from '../../../services/moderation/town-hall/carry-over';
import { curate } from '../../../services/moderation/town-hall/curate';
import { mergeSubmission } from '../../../services/moderation/town-hall/merge';
import { listQueue } from '../../../services/moderation/town-hall/queue';
import { getTownHall, setTownHall } from '../../../services/moderation/town-hall/settings';
import { submitQuestion } from '../../../services/moderation/town-hall/submit';
import { unvote, vote } from '../../../services/moderation/town-hall/vote';
import { optionalUser, requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

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
    const { text } = parseRequest(submissionBody, req.body);
    return submitQuestion(ctx, me, sessionId, text);
  });

  app.get('/api/v1/sessions/:id/submissions', async (req, reply) => {
    const viewer = optionalUser(req, 'read:statuses');
    const { id: sessionId } = parseRequest(idParam, req.params);
    const q = parseRequest(submissionListQuery, req.query);
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
    const b = parseRequest(carryOverBody, req.body);
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
      const b = parseRequest(curateBody, req.body);
      return curate(ctx, me, submissionId, step, { reason: b.reason, answerStatusId: b.status_id ?? null });
    });
  }

  app.post('/api/v1/submissions/:id/merge', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: submissionId } = parseRequest(idParam, req.params);
    const b = parseRequest(mergeBody, req.body);
    return mergeSubmission(ctx, me, submissionId, b.into_id, b.reason);
  });
};
