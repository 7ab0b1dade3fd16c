import { idParam } from '@hashchat/api/requests/fields';
import {
  agendaNextBody,
  agendaReorderBody,
  questionCreateBody,
  questionPatchBody,
} from '@hashchat/api/requests/live';
import { parseRequest } from '@hashchat/api/requests/validation';
import {
  createQuestion,
  deleteQuestion,
  listQuestions,
  reorderQuestions,
  skipQuestion,
  updateQuestion,
} from '../../../services/live/agenda';
import { hotQuestions } from '../../../services/live/join-pages';
import { publishNext, publishQuestion } from '../../../services/live/publish-question';
import { optionalUser, requireUser } from '../../auth';
import { sendHot } from '../../hot-answer';
import type { RouteModule } from '../../route-module';

/** The agenda: list, create, change, reorder, skip, delete, publish, and the host console's Next. */
export const liveQuestionRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/questions', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const viewer = optionalUser(req, 'read:statuses');
    if (viewer === null) return sendHot(req, reply, await hotQuestions(ctx, id));
    return listQuestions(ctx, id, viewer);
  });

  app.post('/api/v1/sessions/:id/questions', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return createQuestion(ctx, me, id, parseRequest(questionCreateBody, req.body));
  });

  app.post('/api/v1/sessions/:id/questions/reorder', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return reorderQuestions(ctx, me, id, parseRequest(agendaReorderBody, req.body).ids);
  });

  app.post('/api/v1/sessions/:id/next', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return publishNext(ctx, me, id, parseRequest(agendaNextBody, req.body).expected_id ?? null);
  });

  app.patch('/api/v1/questions/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return updateQuestion(ctx, me, id, parseRequest(questionPatchBody, req.body));
  });

  app.delete('/api/v1/questions/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    await deleteQuestion(ctx, me, id);
    return {};
  });

  app.post('/api/v1/questions/:id/publish', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return publishQuestion(ctx, id, { actorId: me });
  });

  app.post('/api/v1/questions/:id/skip', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return skipQuestion(ctx, me, id);
  });
};
