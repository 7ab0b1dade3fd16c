import { z } from 'zod';
import { id } from './common';

/** Mastodon's Application entity as `POST /api/v1/apps` returns it (with the client's credentials). */
export const credentialApplicationSchema = z
  .object({
    id: id(),
    name: z.string(),
    website: z.string().nullable(),
    scopes: z.array(z.string()),
    redirect_uri: z.string(),
    redirect_uris: z.array(z.string()),
    client_id: z.string(),
    client_secret: z.string(),
    client_secret_expires_at: z.number().int(),
    vapid_key: z.string(),
  })
  .meta({ id: 'CredentialApplication' });
export type CredentialApplication = z.infer<typeof credentialApplicationSchema>;

/** The application of the token in use (`id` and `redirect_uris` absent for the web app's own session). */
export const applicationSchema = z
  .object({
    id: id().optional(),
    name: z.string(),
    website: z.string().nullable(),
    scopes: z.array(z.string()),
    redirect_uris: z.array(z.string()).optional(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof applicationSchema>;

/** An OAuth token (RFC 6749 §5.1); `created_at` in epoch seconds, as Mastodon's. */
export const tokenSchema = z
  .object({
    access_token: z.string(),
    /** Always `Bearer`. */
    token_type: z.string(),
    scope: z.string(),
    created_at: z.number().int(),
  })
  .meta({ id: 'Token' });
export type Token = z.infer<typeof tokenSchema>;
