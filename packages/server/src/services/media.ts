import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
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

export const MEDIA_JOB = { process: 'media.process', sweep: 'media.sweep' } as const;
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
  await storage.put(incomingKey, createReadStream(upload.file));
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
  const input = await readAll(incoming.stream, ctx.config.media.maxBytes);
  let image: Awaited<ReturnType<typeof processImage>>;
  try {
    image = await processImage(input, ctx.config.media.maxPixels);
  } catch (err) {
    ctx.log.warn({ err, media: id }, 'an upload could not be processed');
    await markMediaFailed(db, id);
    await storage.delete(row.incoming_key);
    return;
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

async function readAll(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += b.length;
    if (size > max) throw validationFailed('File is too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** The caller's own upload; anyone else's is a 404, attached or not. */
export async function ownMedia(ctx: Context, accountId: number, id: number): Promise<MediaRow> {
  const row = await findMedia(ctx.store.db, id);
  if (!row || Number(row.account_id) !== accountId) throw notFound();
  return row;
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

/** Inside a status's deletion: drops its attachments' rows and returns their files to remove after commit. */
export async function detachStatusMedia(trx: Kysely<Database>, statusId: number): Promise<string[]> {
  const rows = await findStatusMedia(trx, statusId);
  await deleteMediaRows(
    trx,
    rows.map((r) => Number(r.id)),
  );
  return rows.flatMap(mediaKeys);
}

/** Removes uploads no status took within a day, rows and files; returns how many. */
export async function sweepUnattachedMedia(ctx: Context): Promise<number> {
  const before = ctx.now() - UNATTACHED_TTL_MS;
  let removed = 0;
  for (;;) {
    const rows = await findStaleUnattached(ctx.store.db, before, 100);
    if (rows.length === 0) return removed;
    await deleteMediaRows(
      ctx.store.db,
      rows.map((r) => Number(r.id)),
    );
    await deleteFiles(ctx, rows.flatMap(mediaKeys));
    removed += rows.length;
  }
}
