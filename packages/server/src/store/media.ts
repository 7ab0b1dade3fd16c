import type { Kysely, Selectable } from 'kysely';
import type { Database, MediaAttachmentsTable } from './schema';

export type MediaRow = Selectable<MediaAttachmentsTable>;

/** Records a new upload, waiting to be processed; returns its row. */
export async function insertMedia(
  db: Kysely<Database>,
  values: { accountId: number; incomingKey: string; description: string; focusX: number; focusY: number },
  now: number,
): Promise<MediaRow> {
  return db
    .insertInto('media_attachments')
    .values({
      account_id: values.accountId,
      state: 'processing',
      incoming_key: values.incomingKey,
      description: values.description,
      focus_x: values.focusX,
      focus_y: values.focusY,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findMedia(db: Kysely<Database>, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes an unattached upload's description and focus; false when it is attached (or gone). */
export async function updateUnattachedMedia(
  db: Kysely<Database>,
  id: number,
  set: { description?: string; focusX?: number; focusY?: number },
): Promise<boolean> {
  const res = await db
    .updateTable('media_attachments')
    .set({
      ...(set.description !== undefined ? { description: set.description } : {}),
      ...(set.focusX !== undefined ? { focus_x: set.focusX, focus_y: set.focusY ?? 0 } : {}),
    })
    .where('id', '=', id)
    .where('status_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records the processed files (only while the row still waits: a rerun job changes nothing). */
export async function markMediaReady(
  db: Kysely<Database>,
  id: number,
  done: { fileKey: string; previewKey: string; meta: unknown; blurhash: string },
): Promise<boolean> {
  const res = await db
    .updateTable('media_attachments')
    .set({
      state: 'ready',
      incoming_key: null,
      file_key: done.fileKey,
      preview_key: done.previewKey,
      meta: JSON.stringify(done.meta),
      blurhash: done.blurhash,
    })
    .where('id', '=', id)
    .where('state', '=', 'processing')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markMediaFailed(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('media_attachments')
    .set({ state: 'failed', incoming_key: null })
    .where('id', '=', id)
    .where('state', '=', 'processing')
    .execute();
}

/**
 * Of `ids`, the caller's processed uploads no status has taken yet, in the order asked. Used
 * (inside the status's transaction) before `attachMedia`.
 */
export async function findAttachableMedia(
  db: Kysely<Database>,
  accountId: number,
  ids: number[],
): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('media_attachments')
    .selectAll()
    .where('id', 'in', ids)
    .where('account_id', '=', accountId)
    .where('status_id', 'is', null)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

/** Gives each upload to the status at its place in `ids`; returns how many were taken. */
export async function attachMedia(
  db: Kysely<Database>,
  accountId: number,
  statusId: number,
  ids: number[],
): Promise<number> {
  let taken = 0;
  for (const [position, id] of ids.entries()) {
    const res = await db
      .updateTable('media_attachments')
      .set({ status_id: statusId, position })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('status_id', 'is', null)
      .where('state', '=', 'ready')
      .executeTakeFirst();
    taken += Number(res.numUpdatedRows);
  }
  return taken;
}

/** The attachments of each status, in order. */
export async function mediaForStatuses(
  db: Kysely<Database>,
  statusIds: number[],
): Promise<Map<number, MediaRow[]>> {
  const out = new Map<number, MediaRow[]>();
  if (statusIds.length === 0) return out;
  const rows = await db
    .selectFrom('media_attachments')
    .selectAll()
    .where('status_id', 'in', statusIds)
    .orderBy('status_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const sid = Number(r.status_id);
    const list = out.get(sid) ?? [];
    list.push(r);
    out.set(sid, list);
  }
  return out;
}

/** Uploads no status took, made before `before` (oldest first). */
/** A status's attachments, in any order (its deletion removes them all). */
export async function findStatusMedia(db: Kysely<Database>, statusId: number): Promise<MediaRow[]> {
  return db.selectFrom('media_attachments').selectAll().where('status_id', '=', statusId).execute();
}

export async function findStaleUnattached(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<MediaRow[]> {
  return db
    .selectFrom('media_attachments')
    .selectAll()
    .where('status_id', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function deleteMediaRows(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('media_attachments').where('id', 'in', ids).execute();
}

/** The storage keys a row holds (whatever its state). */
export const mediaKeys = (r: MediaRow): string[] =>
  [r.incoming_key, r.file_key, r.preview_key].filter((k): k is string => k !== null);
