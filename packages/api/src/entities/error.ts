import { z } from 'zod';

/** Every error body: Mastodon's `{ error }`, with what failed validation in `details`. */
export const errorSchema = z
  .object({
    error: z.string(),
    error_description: z.string().optional(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });
export type ApiError = z.infer<typeof errorSchema>;

/** One field error of a 422 answer, as Mastodon sends them in `details`: a code and its text. */
export const fieldErrorSchema = z
  .object({ error: z.string(), description: z.string() })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof fieldErrorSchema>;
/** A 422 answer's `details`: the errors of each field that failed, by field name. */
export type FieldErrors = Record<string, FieldError[]>;
