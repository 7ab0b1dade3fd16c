import { z } from 'zod';
import { accountSchema } from './account';
import { chatSessionSchema } from './chat';
import { id, instant } from './common';
import { statusSchema } from './status';

export const notificationTypeSchema = z.enum([
  'mention',
  'favourite',
  'reblog',
  'follow',
  'status',
  'chat_reminder',
  'submission_answered',
  /** A poll the account voted in or wrote has ended. */
  'poll',
  /** A status the account boosted was edited. */
  'update',
]);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** Mastodon's Notification entity; a `chat_reminder` carries its session (our extension). */
export const notificationSchema = z
  .object({
    id: id(),
    type: notificationTypeSchema,
    created_at: instant(),
    account: accountSchema,
    // Left out when there is none (a follow), as Mastodon does.
    status: statusSchema.optional(),
    /** What else it is about (e.g. the answered submission), when not a status. */
    ref_id: id().optional(),
    chat_session: chatSessionSchema.optional(),
    reminder: z.enum(['soon', 'live']).optional(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;
