import { z } from 'zod';
import { accountSchema } from './account';

/** Mastodon's Rule entity: one of the server's rules, as listed at sign-up. */
export const ruleSchema = z
  .object({ id: z.string(), text: z.string(), hint: z.string() })
  .meta({ id: 'Rule' });
export type Rule = z.infer<typeof ruleSchema>;

/** Mastodon's ExtendedDescription entity. */
export const extendedDescriptionSchema = z
  .object({ updated_at: z.iso.datetime(), content: z.string() })
  .meta({ id: 'ExtendedDescription' });

const statusLimits = z.object({
  max_characters: z.number().int(),
  max_media_attachments: z.number().int(),
  characters_reserved_per_url: z.number().int(),
});

/** Mastodon's v1 Instance entity. */
export const instanceV1Schema = z
  .object({
    uri: z.string(),
    title: z.string(),
    short_description: z.string(),
    description: z.string(),
    email: z.string(),
    version: z.string(),
    urls: z.object({ streaming_api: z.string() }),
    stats: z.object({
      user_count: z.number().int(),
      status_count: z.number().int(),
      domain_count: z.number().int(),
    }),
    languages: z.array(z.string()),
    registrations: z.boolean(),
    approval_required: z.boolean(),
    invites_enabled: z.boolean(),
    configuration: z.object({
      statuses: statusLimits,
      accounts: z.object({ max_featured_tags: z.number().int() }),
    }),
    contact_account: accountSchema.nullable(),
    rules: z.array(ruleSchema),
  })
  .meta({ id: 'InstanceV1' });
export type InstanceV1 = z.infer<typeof instanceV1Schema>;

/** Mastodon's v2 Instance entity. */
export const instanceSchema = z
  .object({
    domain: z.string(),
    title: z.string(),
    version: z.string(),
    source_url: z.string(),
    description: z.string(),
    usage: z.object({ users: z.object({ active_month: z.number().int() }) }),
    thumbnail: z.object({ url: z.string() }),
    languages: z.array(z.string()),
    configuration: z.object({
      urls: z.object({ streaming: z.string() }),
      accounts: z.object({ max_featured_tags: z.number().int(), max_pinned_statuses: z.number().int() }),
      statuses: statusLimits,
      media_attachments: z.object({
        supported_mime_types: z.array(z.string()),
        image_size_limit: z.number().int(),
        video_size_limit: z.number().int(),
      }),
      polls: z.object({
        max_options: z.number().int(),
        max_characters_per_option: z.number().int(),
        min_expiration: z.number().int(),
        max_expiration: z.number().int(),
      }),
      translation: z.object({ enabled: z.boolean() }),
    }),
    registrations: z.object({
      enabled: z.boolean(),
      approval_required: z.boolean(),
      message: z.string().nullable(),
    }),
    contact: z.object({ email: z.string(), account: accountSchema.nullable() }),
    rules: z.array(ruleSchema),
  })
  .meta({ id: 'Instance' });
export type Instance = z.infer<typeof instanceSchema>;
