import { HashchatError, notFound } from '@hashchat/core/errors';
import type { z } from 'zod';

/**
 * Mastodon's 422 for input that fails a rule: `{"error": "Validation failed: <detail>"}`. The
 * one place the prefix is written; routes get it from `parseRequest`, services call this.
 */
export const validationFailed = (detail: string, details?: Record<string, unknown>) =>
  new HashchatError('Unprocessable', `Validation failed: ${detail}`.trim(), details);

/**
 * Parses a request's params, query or body with its schema (which is also its type). A value
 * that names nothing (a non-numeric id in the path) is a 404; anything else wrong a 422 naming
 * the field. Mastodon clients send arrays as `a[]=x`: the server has already folded those.
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const first = r.error.issues[0];
  if (first.code === 'custom' && (first.params as { code?: string } | undefined)?.code === 'NotFound')
    throw notFound(first.message);
  const field = first.path.join('.');
  // A schema whose message is already a whole sentence (`Validation failed: …`) keeps it.
  if (first.message.startsWith('Validation failed: '))
    throw new HashchatError('Unprocessable', first.message);
  throw validationFailed(`${field ? `${field} ` : ''}${first.message}`);
}
