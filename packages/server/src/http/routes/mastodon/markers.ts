import { markerBody, markersQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { findMarkers, saveMarker } from '../../../store/markers';
import type { MarkerTimeline } from '../../../store/schema';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const TIMELINES = ['home', 'notifications'] as const satisfies readonly MarkerTimeline[];

/** A timeline's marker as JSON (`{"home": {"last_read_id": …}}`) or as form fields (`home[last_read_id]=…`). */
function markerInput(body: Record<string, unknown>, timeline: MarkerTimeline): unknown {
  const nested = body[timeline];
  if (nested !== undefined) return nested;
  const flat = body[`${timeline}[last_read_id]`];
  return flat === undefined ? undefined : { last_read_id: flat };
}

const present = (m: { last_read_id: number; version: number; updated_at: number }) => ({
  last_read_id: String(m.last_read_id),
  version: Number(m.version),
  updated_at: new Date(Number(m.updated_at)).toISOString(),
});

/** Read positions that apps sync between devices: the home timeline's and the notifications'. */
export const markerRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/markers', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { timeline } = parseRequest(markersQuery, req.query);
    const wanted = TIMELINES.filter((t) => timeline.includes(t));
    const rows = await findMarkers(ctx.store.db, me, wanted);
    return Object.fromEntries(rows.map((r) => [r.timeline, present(r)]));
  });

  app.post('/api/v1/markers', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const out: Record<string, ReturnType<typeof present>> = {};
    const given = TIMELINES.flatMap((t) => {
      const raw = markerInput(body, t);
      return raw === undefined ? [] : [{ timeline: t, id: parseRequest(markerBody, raw).last_read_id }];
    });
    for (const m of given)
      out[m.timeline] = present(await saveMarker(ctx.store.db, me, m.timeline, m.id, ctx.now()));
    return out;
  });
};
