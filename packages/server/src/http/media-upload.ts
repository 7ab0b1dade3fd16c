import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { validationFailed } from '@hashchat/api/requests/validation';
import { HashchatError } from '@hashchat/core/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FilePart, parseMultipart } from './multipart';

/** How many first bytes of an upload are kept for the format sniff. */
const HEAD_BYTES = 64;

/** A request's `file` part, on disk. */
export interface UploadedFile {
  path: string;
  head: Buffer;
  size: number;
}

const uploads = new WeakMap<FastifyRequest, { file: UploadedFile | null; cleanup: () => Promise<void> }>();

/**
 * The request's uploaded file (null when it sent none) handed to `use`; the temporary file is
 * removed afterwards, whatever happens.
 */
export async function withUploadedFile<T>(
  req: FastifyRequest,
  use: (file: UploadedFile | null) => Promise<T>,
): Promise<T> {
  const upload = uploads.get(req);
  try {
    return await use(upload?.file ?? null);
  } finally {
    uploads.delete(req);
    await upload?.cleanup();
  }
}

/**
 * Makes `multipart/form-data` in this (encapsulated) plugin stream its `file` part to a
 * temporary file under `maxBytes` (413 past it), never buffered whole; other file parts are
 * refused. The fields are `req.body`; the route takes the file with `withUploadedFile`.
 */
export function acceptFileUploads(app: FastifyInstance, maxBytes: number): void {
  // A request refused before its route ran (auth, validation) still leaves no file behind.
  app.addHook('onResponse', async (req) => {
    const upload = uploads.get(req);
    uploads.delete(req);
    await upload?.cleanup();
  });
  app.removeContentTypeParser('multipart/form-data');
  app.addContentTypeParser('multipart/form-data', async (req: FastifyRequest, payload: IncomingMessage) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hashchat-upload-'));
    const cleanup = () => rm(dir, { recursive: true, force: true });
    let file: UploadedFile | null = null;
    const onFile = async (part: FilePart) => {
      if (part.field !== 'file' || file) {
        part.stream.resume();
        throw validationFailed(`${part.field} file uploads are not accepted here`);
      }
      const target = path.join(dir, 'upload');
      let size = 0;
      const chunks: Buffer[] = [];
      let kept = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new HashchatError('TooLarge', 'File is too large'));
          if (kept < HEAD_BYTES) {
            chunks.push(chunk.subarray(0, HEAD_BYTES - kept));
            kept += Math.min(chunk.length, HEAD_BYTES - kept);
          }
          done(null, chunk);
        },
      });
      await pipeline(part.stream, counter, createWriteStream(target));
      file = { path: target, head: Buffer.concat(chunks), size };
    };
    try {
      const fields = await parseMultipart(
        payload,
        req.headers,
        // The body is the file and a few small fields around it.
        { maxBytes: maxBytes + 64 * 1024, fields: 20, fieldSize: 16 * 1024, parts: 25 },
        onFile,
      );
      uploads.set(req, { file, cleanup });
      return fields;
    } catch (err) {
      await cleanup();
      throw err;
    }
  });
}
