import { z } from 'zod';
import { id, instant } from './common';

/** Mastodon's Poll entity; `voted` and `own_votes` only where a viewer is known. */
export const pollSchema = z
  .object({
    id: id(),
    expires_at: instant().nullable(),
    expired: z.boolean(),
    multiple: z.boolean(),
    votes_count: z.number().int(),
    /** Null on a single-choice poll, as in Mastodon. */
    voters_count: z.number().int().nullable(),
    /** An option's `votes_count` is null while a `hide_totals` poll runs. */
    options: z.array(z.object({ title: z.string(), votes_count: z.number().int().nullable() })),
    emojis: z.array(z.never()),
    voted: z.boolean().optional(),
    own_votes: z.array(z.number().int()).optional(),
  })
  .meta({ id: 'Poll' });
export type Poll = z.infer<typeof pollSchema>;
