import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { getPoll, vote } from '../../../services/polls';
import { optionalUser, requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const voteInput = z.object({
  choices: z
    .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((c) => (c === '' ? Number.NaN : Number(c)))),
});

/** Mastodon's polls: a poll is seen (and voted on) by whoever may see its status; others get a 404. */
export const pollRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/polls/:id', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return getPoll(ctx, optionalUser(req, 'read:statuses'), id);
  });

  app.post('/api/v1/polls/:id/votes', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const { choices } = parseRequest(voteInput, req.body);
    return vote(ctx, me, id, choices);
  });
};
