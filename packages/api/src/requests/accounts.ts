import { z } from 'zod';
import { formBool, idList, limitParam, pageParams, userText } from './fields';

// What the app, OAuth, account and follow routes of the Mastodon API take.

export const appCreateBody = z.object({
  client_name: userText().trim().min(1).max(200),
  redirect_uris: z.union([z.string(), z.array(z.string())]).default('urn:ietf:wg:oauth:2.0:oob'),
  scopes: z.string().optional(),
  website: z.string().max(2000).optional().nullable(),
});

export const authorizeQuery = z.object({
  response_type: z.literal('code', { error: 'response_type must be code' }),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  scope: z.string().optional(),
  state: z.string().max(2000).optional(),
  code_challenge: z.string().min(43).max(128).optional(),
  code_challenge_method: z.enum(['S256', 'plain']).optional(),
});

export const authorizeForm = authorizeQuery.extend({
  decision: z.enum(['approve', 'deny']),
  login: z.string().optional(),
  password: z.string().optional(),
  authenticity_token: z.string().optional(),
});

export const tokenBody = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1),
    client_id: z.string().min(1),
    client_secret: z.string().optional(),
    redirect_uri: z.string().min(1),
    code_verifier: z.string().optional(),
  }),
  z.object({
    grant_type: z.literal('client_credentials'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    scope: z.string().optional(),
  }),
]);

export const revokeBody = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  token: z.string().min(1),
});

export const registrationBody = z.object({
  username: z.string().default(''),
  email: z.string().default(''),
  password: z.string().default(''),
  agreement: formBool.default(false),
  locale: z.string().default('en'),
  reason: userText().max(1000).optional(),
});

export const credentialsBody = z.object({
  display_name: userText().max(30).optional(),
  note: userText().max(500).optional(),
});

export const followBody = z.object({ reblogs: formBool.optional(), notify: formBool.optional() });

export const relationshipsQuery = z.object({ id: idList });

/** A hashtag to feature on the profile. */
export const featuredTagBody = z.object({
  name: z.string({ error: "can't be blank" }).min(1, "can't be blank").max(100),
});

export const lookupQuery = z.object({ acct: z.string().min(1).max(300) });

export const accountStatusesQuery = pageParams.extend({
  exclude_replies: formBool.optional(),
  exclude_reblogs: formBool.optional(),
  tagged: z.string().optional(),
  only_media: formBool.optional(),
  pinned: formBool.optional(),
});

export const accountSearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(500),
  limit: limitParam(40, 80),
  // A search result is ranked, not a timeline: Mastodon pages it by offset, bounded here.
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  // Only local accounts exist, so there is nothing to resolve from another server.
  resolve: formBool.optional(),
  following: formBool.default(false),
});

/** The web app's sign-in (its cookie session). */
export const signInBody = z.object({
  login: z.string().min(1).max(320),
  password: z.string().min(1).max(200),
});

export type RegistrationBody = z.input<typeof registrationBody>;
export type SignInBody = z.input<typeof signInBody>;
