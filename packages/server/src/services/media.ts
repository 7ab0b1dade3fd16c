import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { validationFailed } from '@hashchat/api/requests/validation';
import { HashchatError, notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import { mediaStorage } from '../media/media-storage';
import { inspectUpload, processImage } from '../media/process-image';
import { presentMediaAttachment } from '../present/media-attachment';
import { enqueueJob } from '../store/jobs';
import {
  deleteMediaRows,
  findMedia,
  findStaleUnattached,
  findStatusMedia,
  insertMedia,
  type MediaRow,
  markMediaFailed,
  markMediaReady,
  mediaKeys,
  updateUnattachedMedia,
} from '../store/media';
import type { Database } from '../store/schema';

export const MEDIA_JOB = { process: 'media.process', sweep: 'media.sweep', remove: 'media.remove' } as const;
/** Keys one removal job carries. */
const REMOVE_BATCH = 100;
/** Uploads no status took are removed after this long. */
export const UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;

export interface Upload {
  /** A temporary file holding the whole upload (the caller removes it). */
  file: string;
  /** Its first bytes, for the sniff. */
  head: Buffer;
  description: string;
  focus: { x: number; y: number };
}

/** A file's unguessable folder name (24 hex digits). */
const newToken = () => randomBytes(12).toString('hex');

/**
 * Takes an upload: counts it against the account's hourly allowance, checks its bytes are an
 * image we accept within the pixel limit (undecoded), stores it as it came and records it.
 * `process: 'later'` leaves the decoding to the job runner; `'now'` does it before returning.
 */
export async function acceptUpload(
  ctx: Context,
  accountId: number,
  upload: Upload,
  process: 'now' | 'later',
): Promise<MediaRow> {
  const { count } = await ctx.rateLimiter.hit(`media:${accountId}`, 3600);
  if (count > ctx.config.media.uploadsPerHour)
    throw new HashchatError('RateLimited', 'Too many uploads; try again later');
  await inspectUpload(upload.head, upload.file, ctx.config.media.maxPixels);
  const storage = mediaStorage(ctx.config);
  const incomingKey = `incoming/${newToken()}`;
  // Streamed to the storage from the request's temporary file, never held whole in memory.
  await storage.put(incomingKey, createReadStream(upload.file), (await stat(upload.file)).size);
  const now = ctx.now();
  const row = await insertMedia(
    ctx.store.db,
    {
      accountId,
      incomingKey,
      description: upload.description,
      focusX: upload.focus.x,
      focusY: upload.focus.y,
    },
    now,
  );
  const id = Number(row.id);
  if (process === 'now') {
    await processMedia(ctx, id);
    return (await findMedia(ctx.store.db, id)) ?? row;
  }
  await enqueueJob(
    ctx.store.db,
    { kind: MEDIA_JOB.process, runAt: now, payload: { id }, dedupeKey: `media:process:${id}` },
    now,
  );
  return row;
}

/**
 * Decodes a waiting upload into its served files and records them; an upload that is not a
 * decodable image (or is over the pixel limit once decoded) is marked failed. Idempotent: a
 * rerun after a crash redoes the work and the first to record it wins.
 */
export async function processMedia(ctx: Context, id: number): Promise<void> {
  const db = ctx.store.db;
  const row = await findMedia(db, id);
  if (row?.state !== 'processing' || !row.incoming_key) return;
  const storage = mediaStorage(ctx.config);
  const incoming = await storage.get(row.incoming_key);
  if (!incoming) {
    await markMediaFailed(db, id);
    return;
  }
  // Copied to a temporary file (capped), so sharp reads it from disk rather than from memory.
  const dir = await mkdtemp(path.join(tmpdir(), 'hashchat-media-'));
  const input = path.join(dir, 'incoming');
  let image: Awaited<ReturnType<typeof processImage>>;
  try {
    await pipeline(incoming.stream, capped(ctx.config.media.maxBytes), createWriteStream(input));
    image = await processImage(input, ctx.config.media.maxPixels);
  } catch (err) {
    ctx.log.warn({ err, media: id }, 'an upload could not be processed');
    await markMediaFailed(db, id);
    await storage.delete(row.incoming_key);
    return;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const token = newToken();
  const fileKey = `${token}/original.${image.ext}`;
  const previewKey = `${token}/small.${image.ext}`;
  await storage.put(fileKey, image.display);
  await storage.put(previewKey, image.preview);
  const recorded = await markMediaReady(db, id, {
    fileKey,
    previewKey,
    meta: image.meta,
    blurhash: image.blurhash,
  });
  if (!recorded) {
    await deleteFiles(ctx, [fileKey, previewKey]);
    return;
  }
  await storage.delete(row.incoming_key);
}

/** Passes at most `max` bytes through; more is a 422 (a stored upload is never larger, but a bucket is not ours alone). */
function capped(max: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > max ? validationFailed('File is too large') : null, chunk);
    },
  });
}

/** The caller's own upload; anyone else's is a 404, attached or not. */
export async function ownMedia(ctx: Context, accountId: number, id: number): Promise<MediaRow> {
  const row = await findMedia(ctx.store.db, id);
  if (!row || Number(row.account_id) !== accountId) throw notFound();
  return row;
}

/**
 * The caller's own upload, processed now if the job runner has not reached it yet: an app that
 * asks for it is about to use it (Mastodon processes an image during its upload, and
 * tsl-mastodon-api waits ten seconds after each 206). The job, when it comes, finds it done.
 */
export async function ownMediaProcessed(ctx: Context, accountId: number, id: number): Promise<MediaRow> {
  const row = await ownMedia(ctx, accountId, id);
  if (row.state !== 'processing') return row;
  await processMedia(ctx, id);
  return (await findMedia(ctx.store.db, id)) ?? row;
}

/** Changes the alt text or focus of the caller's upload while no status has it. */
export async function updateMedia(
  ctx: Context,
  accountId: number,
  id: number,
  set: { description?: string; focus?: { x: number; y: number } },
): Promise<MediaRow> {
  await ownMedia(ctx, accountId, id);
  const changed = await updateUnattachedMedia(ctx.store.db, id, {
    description: set.description,
    focusX: set.focus?.x,
    focusY: set.focus?.y,
  });
  if (!changed) throw validationFailed('Media is already attached to a status');
  return ownMedia(ctx, accountId, id);
}

export const presentMedia = (ctx: Context, row: MediaRow) =>
  presentMediaAttachment(row, mediaStorage(ctx.config));

/** Removes these files from the media storage; a failure is logged, never thrown (the rows are gone). */
export async function deleteFiles(ctx: Context, keys: string[]): Promise<void> {
  const storage = mediaStorage(ctx.config);
  for (const key of keys) {
    await storage.delete(key).catch((err) => ctx.log.warn({ err, key }, 'a media file could not be removed'));
  }
}

/**
 * Inside the transaction that drops media rows: records their files for removal as jobs, so the
 * files go once the rows are gone for good (a rolled-back deletion keeps them) and even if the
 * process stops first (the job runner picks the jobs up after a restart, on any instance).
 */
export async function scheduleFileRemoval(trx: Kysely<Database>, keys: string[], now: number): Promise<void> {
  for (let i = 0; i < keys.length; i += REMOVE_BATCH) {
    await enqueueJob(
      trx,
      {
        kind: MEDIA_JOB.remove,
        runAt: now,
        payload: { keys: keys.slice(i, i + REMOVE_BATCH) },
        dedupeKey: `media:remove:${newToken()}`,
      },
      now,
    );
  }
}

/**
 * Runs a removal job: deletes each file (deleting one that is gone is no error, on disk or in a
 * bucket). A failure throws, so the job runner tries again later with the whole batch.
 */
export async function removeFiles(ctx: Context, keys: string[]): Promise<void> {
  const storage = mediaStorage(ctx.config);
  for (const key of keys) await storage.delete(key);
}

/** Inside a status's deletion: drops its attachments' rows and schedules their files' removal. */
export async function detachStatusMedia(trx: Kysely<Database>, statusId: number, now: number): Promise<void> {
  const rows = await findStatusMedia(trx, statusId);
  await deleteMediaRows(
    trx,
    rows.map((r) => Number(r.id)),
  );
  await scheduleFileRemoval(trx, rows.flatMap(mediaKeys), now);
}

/** Removes uploads no status or question took within a day, rows and (by job) files; returns how many. */
export async function sweepUnattachedMedia(ctx: Context): Promise<number> {
  const now = ctx.now();
  const before = now - UNATTACHED_TTL_MS;
  let removed = 0;
  for (;;) {
    const rows = await findStaleUnattached(ctx.store.db, before, REMOVE_BATCH);
    if (rows.length === 0) return removed;
    await ctx.store.db.transaction().execute(async (trx) => {
      await deleteMediaRows(
        trx,
        rows.map((r) => Number(r.id)),
      );
      await scheduleFileRemoval(trx, rows.flatMap(mediaKeys), now);
    });
    removed += rows.length;
  }
}
