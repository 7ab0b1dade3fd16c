import { stripControlChars } from '@hashchat/core/text/control-chars';
import { z } from 'zod';

// The pieces request schemas are built from: how Mastodon clients send text, booleans, ids,
// lists and pages (JSON, form and query strings alike). The server validates with them; the
// OpenAPI document shows what they accept.

/**
 * Text a person wrote (a status, a title, a bio…): line breaks normalised and every other
 * control character dropped before any check, so `userText().trim().min(1)` refuses a value
 * of NULs alone. Every schema of user-written text starts from this.
 */
export const userText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(stripControlChars);

/** Booleans as JSON, form ("true", "1", "on") or multipart strings send them. */
export const formBool = z
  .union([z.boolean(), z.string(), z.number()])
  .transform((v) => v === true || v === 1 || (typeof v === 'string' && /^(true|1|on|yes)$/i.test(v)));

/** A numeric id (Mastodon ids are strings of digits) in the path; anything else is a 404. */
export const numericId = z
  .string()
  .refine((v) => /^\d{1,18}$/.test(v), { message: 'Record not found', params: { code: 'NotFound' } })
  .transform(Number)
  // What the check above lets through, for the OpenAPI document (zod cannot describe a refine).
  .meta({ pattern: '^[0-9]{1,18}$', description: 'An id: up to 18 digits' });

/** The `{id}` of a path. */
export const idParam = z.object({ id: numericId });

/** A list of ids as `id[]=1&id[]=2` or `id=1`. */
export const idList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
  .optional()
  .transform((v) =>
    v === undefined
      ? []
      : (Array.isArray(v) ? v : [v]).map(Number).filter((n) => Number.isInteger(n) && n > 0),
  );

/** A list of strings as `types[]=a&types[]=b` or `types=a`. */
export const stringList = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A `limit` query parameter: `dflt` when absent, at most `max` whatever is asked. */
export const limitParam = (dflt: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .default(dflt)
    .transform((n) => Math.min(n, max))
    .meta({ description: `How many (default ${dflt}, at most ${max}).` });

/** Mastodon's keyset pagination: `max_id` goes older, `min_id`/`since_id` newer (ids are strings of integers). */
export const pageParams = z.object({
  max_id: z.coerce.number().int().positive().optional(),
  since_id: z.coerce.number().int().nonnegative().optional(),
  min_id: z.coerce.number().int().nonnegative().optional(),
  limit: limitParam(20, 40),
});
export type PageParams = z.infer<typeof pageParams>;
