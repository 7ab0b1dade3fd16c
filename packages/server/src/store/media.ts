import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, MediaAttachmentsTable, MediaType } from './schema';

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
 * Who may attach an upload to a status: its uploader, for an upload nothing holds; or an
 * agenda question being published, for the upload it holds (whoever of the hosts uploaded it).
 */
export type MediaHolder = { accountId: number } | { questionId: number };

const heldBy = (eb: ExpressionBuilder<Database, 'media_attachments'>, holder: MediaHolder) =>
  'accountId' in holder
    ? eb.and([eb('account_id', '=', holder.accountId), eb('question_id', 'is', null)])
    : eb('question_id', '=', holder.questionId);

/**
 * Of `ids`, the uploads `holder` may attach that no status has taken yet, in the order asked.
 * Used (inside the status's transaction) before `attachMedia`.
 */
export async function findAttachableMedia(
  db: Kysely<Database>,
  holder: MediaHolder,
  ids: number[],
): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('media_attachments')
    .selectAll()
    .where('id', 'in', ids)
    .where('status_id', 'is', null)
    .where((eb) => heldBy(eb, holder))
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

/** Gives each upload to the status at its place in `ids`; returns how many were taken. */
export async function attachMedia(
  db: Kysely<Database>,
  holder: MediaHolder,
  statusId: number,
  ids: number[],
): Promise<number> {
  let taken = 0;
  for (const [position, id] of ids.entries()) {
    const res = await db
      .updateTable('media_attachments')
      .set({ status_id: statusId, position })
      .where('id', '=', id)
      .where('status_id', 'is', null)
      .where('state', '=', 'ready')
      .where((eb) => heldBy(eb, holder))
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

/** A status's attachments, in any order (its deletion removes them all). */
export async function findStatusMedia(db: Kysely<Database>, statusId: number): Promise<MediaRow[]> {
  return db.selectFrom('media_attachments').selectAll().where('status_id', '=', statusId).execute();
}

/** Uploads neither a status nor a question took, made before `before` (oldest first). */
export async function findStaleUnattached(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<MediaRow[]> {
  return db
    .selectFrom('media_attachments')
    .selectAll()
    .where('status_id', 'is', null)
    .where('question_id', 'is', null)
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

/**
 * Makes `mediaId` (or nothing) the image an unpublished question holds: the one it held before
 * is let go (unattached again, swept in a day). Takes only the actor's own upload that no
 * status or other question holds; false when that is not so (nothing changed).
 */
export async function holdQuestionMedia(
  db: Kysely<Database>,
  questionId: number,
  mediaId: number | null,
  actorId: number,
): Promise<boolean> {
  await db
    .updateTable('media_attachments')
    .set({ question_id: null })
    .where('question_id', '=', questionId)
    .where('status_id', 'is', null)
    .where('id', '!=', mediaId ?? 0)
    .execute();
  if (mediaId === null) return true;
  const res = await db
    .updateTable('media_attachments')
    .set({ question_id: questionId })
    .where('id', '=', mediaId)
    .where('account_id', '=', actorId)
    .where('status_id', 'is', null)
    .where('state', '=', 'ready')
    .where((eb) => eb.or([eb('question_id', 'is', null), eb('question_id', '=', questionId)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The image each question holds (or its status took), by question id. */
export async function mediaForQuestions(
  db: Kysely<Database>,
  questionIds: number[],
): Promise<Map<number, MediaRow>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('media_attachments')
    .selectAll()
    .where('question_id', 'in', questionIds)
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [Number(r.question_id), r]));
}

/**
 * An edit's images: each of `ids` goes to the status at its place, whether the status has it
 * already or it is `holder`'s processed upload nothing holds. Returns how many were placed.
 */
export async function placeStatusMedia(
  db: Kysely<Database>,
  holder: MediaHolder,
  statusId: number,
  ids: number[],
): Promise<number> {
  let placed = 0;
  for (const [position, id] of ids.entries()) {
    const res = await db
      .updateTable('media_attachments')
      .set({ status_id: statusId, position })
      .where('id', '=', id)
      .where('state', '=', 'ready')
      .where((eb) =>
        eb.or([eb('status_id', '=', statusId), eb.and([eb('status_id', 'is', null), heldBy(eb, holder)])]),
      )
      .executeTakeFirst();
    placed += Number(res.numUpdatedRows);
  }
  return placed;
}

/** New alt text or focus for one of a status's images (an edit's `media_attributes`). */
export async function updateStatusMedia(
  db: Kysely<Database>,
  statusId: number,
  id: number,
  set: { description?: string; focusX?: number; focusY?: number },
): Promise<void> {
  if (set.description === undefined && set.focusX === undefined) return;
  await db
    .updateTable('media_attachments')
    .set({
      ...(set.description !== undefined ? { description: set.description } : {}),
      ...(set.focusX !== undefined ? { focus_x: set.focusX, focus_y: set.focusY ?? 0 } : {}),
    })
    .where('id', '=', id)
    .where('status_id', '=', statusId)
    .execute();
}

/** Links a remote status's attachments (rows without files: their urls are on the remote server). */
export async function insertRemoteMedia(
  db: Kysely<Database>,
  accountId: number,
  statusId: number,
  media: {
    remoteUrl: string;
    type: MediaType;
    description: string;
    meta: unknown;
    blurhash: string | null;
  }[],
  now: number,
): Promise<MediaRow[]> {
  if (media.length === 0) return [];
  return db
    .insertInto('media_attachments')
    .values(
      media.map((m, position) => ({
        account_id: accountId,
        status_id: statusId,
        position,
        state: 'ready' as const,
        remote_url: m.remoteUrl,
        type: m.type,
        description: m.description,
        meta: JSON.stringify(m.meta),
        blurhash: m.blurhash,
        created_at: now,
      })),
    )
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => Number(a.position) - Number(b.position)));
}

/** Drops a status's linked remote media (rows only: they hold no files). */
export async function deleteRemoteMedia(db: Kysely<Database>, statusId: number): Promise<void> {
  await db
    .deleteFrom('media_attachments')
    .where('status_id', '=', statusId)
    .where('remote_url', 'is not', null)
    .execute();
}
