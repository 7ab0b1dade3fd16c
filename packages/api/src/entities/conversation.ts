import { z } from 'zod';
import { accountSchema } from './account';
import { id } from './common';
import { statusSchema } from './status';

/** Mastodon's Conversation entity: direct statuses between the viewer and the same accounts. */
export const conversationSchema = z
  .object({
    id: id(),
    unread: z.boolean(),
    /** The other participants (empty for a note to oneself). */
    accounts: z.array(accountSchema),
    last_status: statusSchema.nullable(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof conversationSchema>;
