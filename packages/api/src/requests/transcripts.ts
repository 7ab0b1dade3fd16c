import { z } from 'zod';

// What the transcript and statistics routes take.

/** A page of the transcript: oldest first by default, or filtered to one question or kind. */
export const transcriptQuery = z.object({
  order: z.enum(['asc', 'desc']).default('asc'),
  max_id: z.coerce.number().int().positive().optional(),
  min_id: z.coerce.number().int().nonnegative().optional(),
  question_number: z.coerce.number().int().min(0).max(999).optional(),
  kind: z.enum(['question', 'answer', 'comment']).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(40)
    .transform((n) => Math.min(n, 200)),
});

/** A chat's last sessions, side by side. */
export const chatStatsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .transform((n) => Math.min(n, 500)),
});
