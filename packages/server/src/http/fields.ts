import { stripControlChars } from '@hashchat/core/text/control-chars';
import { z } from 'zod';

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

/** A numeric id in the path (Mastodon ids are strings of digits); anything else is a 404. */
export const idParam = z.object({
  id: z
    .string()
    .refine((v) => /^\d{1,18}$/.test(v), { message: 'Record not found', params: { code: 'NotFound' } })
    .transform(Number),
});

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
