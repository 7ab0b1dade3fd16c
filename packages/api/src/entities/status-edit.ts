import { z } from 'zod';
import { accountSchema } from './account';
import { id, instant } from './common';

/** Mastodon's StatusEdit entity: one version of a status (the poll's options without votes). */
export const statusEditSchema = z
  .object({
    content: z.string(),
    spoiler_text: z.string(),
    sensitive: z.boolean(),
    created_at: instant(),
    account: accountSchema,
    poll: z.object({ options: z.array(z.object({ title: z.string() })) }).nullable(),
    media_attachments: z.array(z.never()),
    emojis: z.array(z.never()),
  })
  .meta({ id: 'StatusEdit' });
export type StatusEdit = z.infer<typeof statusEditSchema>;

/** Mastodon's StatusSource entity: the plain text to edit. */
export const statusSourceSchema = z
  .object({ id: id(), text: z.string(), spoiler_text: z.string() })
  .meta({ id: 'StatusSource' });
export type StatusSource = z.infer<typeof statusSourceSchema>;
