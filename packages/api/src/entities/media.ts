import { z } from 'zod';
import { id } from './common';

const imageSize = z.object({
  width: z.number().int(),
  height: z.number().int(),
  size: z.string(),
  aspect: z.number(),
});

/** Mastodon's MediaAttachment entity (images only: `url` is null while it is processed). */
export const mediaAttachmentSchema = z
  .object({
    id: id(),
    type: z.enum(['image', 'gifv', 'video', 'audio', 'unknown']),
    url: z.string().nullable(),
    preview_url: z.string().nullable(),
    remote_url: z.string().nullable(),
    preview_remote_url: z.string().nullable(),
    text_url: z.string().nullable(),
    meta: z.object({
      original: imageSize.optional(),
      small: imageSize.optional(),
      focus: z.object({ x: z.number(), y: z.number() }).optional(),
    }),
    /** The alt text. */
    description: z.string().nullable(),
    blurhash: z.string().nullable(),
  })
  .meta({ id: 'MediaAttachment' });
export type MediaAttachment = z.infer<typeof mediaAttachmentSchema>;

/** What `POST /api/v2/media` and `PUT /api/v1/media/:id` take (the file is the multipart part `file`). */
export const mediaUpdateBody = z.object({
  description: z.string().optional(),
  /** Two floats from -1.0 to 1.0: `x,y`. */
  focus: z.string().optional(),
});
