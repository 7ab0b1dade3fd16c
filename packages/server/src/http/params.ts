import { HashchatError, notFound } from '@hashchat/core/errors';
import type { z } from 'zod';

/**
 * Parses input with a schema that is also its type. Mastodon clients send arrays as `a[]=x`;
 * `normalizeParams` has already folded those into `a: [...]`.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const first = r.error.issues[0];
  // A schema marks input that names nothing (e.g. a non-numeric id in the path) as a 404, not a 422.
  if (first.code === 'custom' && (first.params as { code?: string } | undefined)?.code === 'NotFound')
    throw notFound(first.message);
  const field = first.path.join('.');
  throw new HashchatError(
    'Unprocessable',
    `Validation failed: ${field ? `${field} ` : ''}${first.message}`.trim(),
  );
}

/** Folds `key[]` into `key` (always an array) and `key[n]` likewise, so one schema reads every body type. */
export function normalizeParams(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || Buffer.isBuffer(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    const m = /^(.+?)\[(\d*)\]$/.exec(k);
    if (m) {
      const list = (out[m[1]] as unknown[] | undefined) ?? [];
      out[m[1]] = list.concat(Array.isArray(v) ? v : [v]);
    } else out[k] = v;
  }
  return out;
}
