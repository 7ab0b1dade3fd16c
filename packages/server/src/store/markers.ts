import { type Kysely, sql } from 'kysely';
import type { Database, MarkerTimeline } from './schema';

/** The account's markers on the named timelines (those it never set are absent). */
export async function findMarkers(
  db: Kysely<Database>,
  accountId: number,
  timelines: readonly MarkerTimeline[],
) {
  if (timelines.length === 0) return [];
  return db
    .selectFrom('markers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('timeline', 'in', timelines)
    .execute();
}

/** Sets a marker, counting its version up by one on every change. */
export async function saveMarker(
  db: Kysely<Database>,
  accountId: number,
  timeline: MarkerTimeline,
  lastReadId: number,
  now: number,
) {
  return db
    .insertInto('markers')
    .values({ account_id: accountId, timeline, last_read_id: lastReadId, version: 1, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['account_id', 'timeline']).doUpdateSet({
        last_read_id: lastReadId,
        version: sql<number>`markers.version + 1`,
        updated_at: now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
