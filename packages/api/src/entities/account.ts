import { z } from 'zod';
import { id, instant } from './common';

export const roleSchema = z.object({ id: id(), name: z.string(), color: z.string() });

/** Mastodon's Account entity. */
export const accountSchema = z
  .object({
    id: id(),
    username: z.string(),
    acct: z.string(),
    display_name: z.string(),
    locked: z.boolean(),
    bot: z.boolean(),
    discoverable: z.boolean(),
    group: z.boolean(),
    created_at: instant(),
    /** The profile text as HTML. */
    note: z.string(),
    url: z.string(),
    uri: z.string(),
    avatar: z.string(),
    avatar_static: z.string(),
    header: z.string(),
    header_static: z.string(),
    followers_count: z.number().int(),
    following_count: z.number().int(),
    statuses_count: z.number().int(),
    last_status_at: z.iso.date().nullable(),
    emojis: z.array(z.never()),
    fields: z.array(z.never()),
    roles: z.array(roleSchema),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof accountSchema>;

/** The viewer's own account, with `source` and `role` (verify_credentials, update_credentials). */
export const credentialAccountSchema = accountSchema
  .extend({
    source: z.object({
      note: z.string(),
      fields: z.array(z.never()),
      privacy: z.string(),
      sensitive: z.boolean(),
      language: z.string().nullable(),
      follow_requests_count: z.number().int(),
    }),
    role: z.object({
      id: id(),
      name: z.string(),
      permissions: z.string(),
      color: z.string(),
      highlighted: z.boolean(),
    }),
  })
  .meta({ id: 'CredentialAccount' });
export type CredentialAccount = z.infer<typeof credentialAccountSchema>;

/** Mastodon's Relationship entity: the viewer against one account. */
export const relationshipSchema = z
  .object({
    id: id(),
    following: z.boolean(),
    showing_reblogs: z.boolean(),
    notifying: z.boolean(),
    languages: z.array(z.string()).nullable(),
    followed_by: z.boolean(),
    blocking: z.boolean(),
    blocked_by: z.boolean(),
    muting: z.boolean(),
    muting_notifications: z.boolean(),
    requested: z.boolean(),
    requested_by: z.boolean(),
    domain_blocking: z.boolean(),
    endorsed: z.boolean(),
    note: z.string(),
  })
  .meta({ id: 'Relationship' });
export type Relationship = z.infer<typeof relationshipSchema>;

/** Our extension: the web app's cookie session, with the token its forms send back. */
export const authSessionSchema = z
  .object({ account: credentialAccountSchema, csrf_token: z.string() })
  .meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof authSessionSchema>;

/** Our mutes list: an account with when the mute ends (null: until undone). */
export const mutedAccountSchema = accountSchema
  .extend({ mute_expires_at: z.iso.datetime().nullable().optional() })
  .meta({ id: 'MutedAccount' });
export type MutedAccount = z.infer<typeof mutedAccountSchema>;
