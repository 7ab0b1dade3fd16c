import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { buildRecap } from '../../../services/transcripts/build-recap';
import { loadTranscript } from '../../../services/transcripts/load-transcript';
import { publishRecap } from '../../../services/transcripts/publish-recap';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** A session's recap figures, and publishing them as a status thread. */
export const recapRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/recap', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return buildRecap(ctx, await loadTranscript(ctx, id));
  });

  app.post('/api/v1/sessions/:id/recap/publish', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return publishRecap(ctx, me, id);
  });
};
