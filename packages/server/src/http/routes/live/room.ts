import { idParam } from '@hashchat/api/requests/fields';
import { roomQuery } from '@hashchat/api/requests/live';
import { parseRequest } from '@hashchat/api/requests/validation';
import { listAcknowledgements } from '../../../services/live/acknowledgements';
import { hotLiveState, hotRoomPage } from '../../../services/live/join-pages';
import { liveState } from '../../../services/live/live-state';
import { readRoom } from '../../../services/live/room';
import { optionalUser, requireUser } from '../../auth';
import { sendHot } from '../../hot-answer';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/** The room of a session, its live state in one read, and the hosts' acknowledgement list. */
export const liveRoomRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/room', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const q = parseRequest(roomQuery, req.query);
    const viewer = optionalUser(req, 'read:statuses');
    if (q.console) requireUser(req, 'read:statuses');
    const pageLink = (ids: string[]) =>
      linkHeader(
        ctx.config.publicUrl,
        `/api/v1/sessions/${id}/room`,
        req.query as Record<string, unknown>,
        ids,
      );
    // The room's first page as everyone who just arrived sees it: one answer for all (join-pages.ts).
    const firstPage =
      (q.only === undefined || q.only === 'curated') &&
      q.question === undefined &&
      !q.console &&
      q.max_id === undefined &&
      q.since_id === undefined &&
      q.min_id === undefined;
    if (viewer === null && firstPage) {
      const hot = await hotRoomPage(ctx, id, q.limit, q.only === 'curated');
      return sendHot(req, reply, hot, pageLink(hot.ids ?? []));
    }
    const statuses = await readRoom(ctx, id, viewer, {
      only: q.only === 'hosts' || q.only === 'curated' ? q.only : null,
      question: q.question ?? null,
      console: q.console ?? false,
      maxId: q.max_id ?? null,
      sinceId: q.since_id ?? null,
      minId: q.min_id ?? null,
      limit: q.limit,
    });
    const link = pageLink(statuses.map((s) => s.id));
    if (link) reply.header('link', link);
    return statuses;
  });

  app.get('/api/v1/sessions/:id/live', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const viewer = optionalUser(req, 'read:statuses');
    if (viewer === null) return sendHot(req, reply, await hotLiveState(ctx, id));
    return liveState(ctx, id, viewer);
  });

  app.get('/api/v1/sessions/:id/acknowledgements', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id } = parseRequest(idParam, req.params);
    return listAcknowledgements(ctx, me, id);
  });
};
