import { idParam } from '@hashchat/api/requests/fields';
import { pollVoteBody } from '@hashchat/api/requests/statuses';
import { parseRequest } from '@hashchat/api/requests/validation';
import { getPoll, vote } from '../../../services/polls';
import { optionalUser, requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** Mastodon's polls: a poll is seen (and voted on) by whoever may see its status; others get a 404. */
export const pollRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/polls/:id', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return getPoll(ctx, optionalUser(req, 'read:statuses'), id);
  });

  app.post('/api/v1/polls/:id/votes', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const { choices } = parseRequest(pollVoteBody, req.body);
    return vote(ctx, me, id, choices);
  });
};
