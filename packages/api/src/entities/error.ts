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
