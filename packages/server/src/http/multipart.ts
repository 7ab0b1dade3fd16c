import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import Busboy from '@fastify/busboy';
import { validationFailed } from '@hashchat/api/requests/validation';
import { HashchatError, invalid } from '@hashchat/core/errors';

export interface MultipartLimits {
  /** The whole body, every part and boundary counted: 413 past it. */
  maxBytes: number;
  fields: number;
  fieldSize: number;
  parts: number;
}

export interface FilePart {
  field: string;
  filename: string;
  mimeType: string;
  /** The file's bytes as they arrive: consume it (to disk, under a cap of your own) or the body stalls. */
  stream: Readable;
}

/**
 * What to do with a file part. No route takes a file today, so the default refuses it at its
 * first byte and buffers nothing. A media-upload route would register its own
 * `multipart/form-data` parser in its encapsulated plugin, calling `parseMultipart` with a
 * larger `maxBytes` and an `onFile` that pipes `stream` to a temporary file with its own size
 * cap, and hand the route the file's path along with the fields.
 */
export type FileHandler = (part: FilePart) => Promise<void>;

const refuseFiles: FileHandler = async (part) => {
  throw validationFailed(`${part.field} file uploads are not accepted here`);
};

const tooLarge = (what: string) => new HashchatError('TooLarge', what);

/**
 * Reads a multipart body into `{name: value}` (repeated names into arrays), streaming: the
 * whole body is counted as it arrives and refused past `limits.maxBytes`, fields are limited in
 * number and size, and file parts go to `onFile`. On any failure the rest of the body is
 * discarded unread, never buffered.
 */
export function parseMultipart(
  payload: Readable,
  headers: IncomingHttpHeaders,
  limits: MultipartLimits,
  onFile: FileHandler = refuseFiles,
): Promise<Record<string, string | string[]>> {
  return new Promise((resolve, reject) => {
    if (Number(headers['content-length']) > limits.maxBytes) {
      payload.resume();
      return reject(tooLarge('Request body is too large'));
    }
    let bb: ReturnType<typeof Busboy>;
    try {
      bb = Busboy({
        headers: headers as { 'content-type': string },
        limits: { fields: limits.fields, fieldSize: limits.fieldSize, parts: limits.parts },
      });
    } catch (err) {
      payload.resume();
      const message = err instanceof Error ? err.message : '';
      return reject(
        invalid(
          /boundary/i.test(message)
            ? 'The multipart body has no boundary in its Content-Type'
            : 'The request body could not be parsed',
        ),
      );
    }
    const fields: Record<string, string | string[]> = Object.create(null);
    const pending: Promise<void>[] = [];
    let settled = false;
    let received = 0;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      payload.unpipe(bb);
      payload.off('data', count);
      // Drain, do not keep: the client may still be sending.
      payload.resume();
      reject(err);
    };
    function count(chunk: Buffer) {
      received += chunk.length;
      if (received > limits.maxBytes) fail(tooLarge('Request body is too large'));
    }
    bb.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return fail(tooLarge(`The field ${name} is too large`));
      const prev = fields[name];
      fields[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    });
    bb.on('file', (field, stream, filename, _encoding, mimeType) => {
      const handled = onFile({ field, filename, mimeType, stream }).catch((err) => {
        stream.resume();
        fail(err);
      });
      pending.push(handled);
    });
    bb.on('fieldsLimit', () => fail(tooLarge('Too many fields')));
    bb.on('partsLimit', () => fail(tooLarge('Too many parts')));
    bb.on('error', () => fail(invalid('The request body could not be parsed')));
    bb.on('finish', () => {
      Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        resolve({ ...fields });
      });
    });
    payload.on('error', fail);
    payload.on('data', count);
    payload.pipe(bb);
  });
}
