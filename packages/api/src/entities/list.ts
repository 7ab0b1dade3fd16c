import { z } from 'zod';
import { id } from './common';

export const repliesPolicySchema = z.enum(['followed', 'list', 'none']);

/** Mastodon's List entity: a set of followed accounts with its own timeline and stream. */
export const listSchema = z
  .object({
    id: id(),
    title: z.string(),
    /** Which replies the list timeline shows: to any followed account, to members, or none. */
    replies_policy: repliesPolicySchema,
    /** Members' statuses are left out of the home timeline. */
    exclusive: z.boolean(),
  })
  .meta({ id: 'List' });
export type List = z.infer<typeof listSchema>;
