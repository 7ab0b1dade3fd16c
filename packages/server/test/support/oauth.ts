import { createHash, randomBytes } from 'node:crypto';
import { Api, send } from './client';

/** The client app entity POST /api/v1/apps returns (the fields tests use). */
export interface AppEntity {
  id: string;
  client_id: string;
  client_secret: string;
  scopes: string[];
  redirect_uris: string[];
}

export const OOB = 'urn:ietf:wg:oauth:2.0:oob';
export const PASSWORD = 'correct horse battery';

/** Encodes a flat record as `json`, `form` (x-www-form-urlencoded) or `multipart`; arrays become `key[]`. */
export function encodeBody(
  kind: 'json' | 'form' | 'multipart',
  fields: Record<string, string | string[] | boolean>,
): unknown {
  if (kind === 'json') return fields;
  const out = kind === 'form' ? new URLSearchParams() : new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const x of v) out.append(`${k}[]`, x);
    else out.append(k, String(v));
  }
  return out;
}

/** Registers a client app through POST /api/v1/apps. */
export async function createApp(
  base: string,
  scopes = 'read write follow push',
  redirectUri = OOB,
): Promise<AppEntity> {
  const res = await new Api(base).post('/api/v1/apps', {
    client_name: 'tests',
    redirect_uris: redirectUri,
    scopes,
  });
  if (res.status !== 200) throw new Error(`app: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A client_credentials (app-only) token. */
export async function appToken(base: string, app: AppEntity, scope = app.scopes.join(' ')): Promise<string> {
  const res = await new Api(base).post('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: app.client_id,
    client_secret: app.client_secret,
    scope,
  });
  if (res.status !== 200) throw new Error(`client_credentials: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token;
}

let counter = 0;

/** A unique, valid username. */
export const uniqueName = (prefix = 'u') =>
  `${prefix}${process.pid % 1000}_${++counter}_${Math.random().toString(36).slice(2, 6)}`;

/**
 * Registers a user whose token carries exactly `scopes` (registration hands out the app
 * token's scopes, as in Mastodon), so scope enforcement can be tested without the browser flow.
 */
export async function userWithScopes(
  base: string,
  scopes: string,
): Promise<{ api: Api; id: string; username: string; token: string }> {
  const app = await createApp(base, `${scopes} write:accounts`);
  const tok = await appToken(base, app, `${scopes} write:accounts`);
  const username = uniqueName('s');
  const reg = await new Api(base, tok).post('/api/v1/accounts', {
    username,
    email: `${username}@example.org`,
    password: PASSWORD,
    agreement: true,
    locale: 'en',
  });
  if (reg.status !== 200) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  const api = new Api(base, reg.body.access_token);
  const lookup = await new Api(base).get(`/api/v1/accounts/lookup?acct=${username}`);
  return { api, id: lookup.body.id, username, token: reg.body.access_token };
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Posts the consent form (login + password + approve) and returns the raw response, redirects not followed. */
export async function approve(
  base: string,
  app: AppEntity,
  opts: {
    login: string;
    password?: string;
    scope?: string;
    redirectUri?: string;
    challenge?: string;
    state?: string;
    decision?: 'approve' | 'deny';
  },
): Promise<Response> {
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: app.client_id,
    redirect_uri: opts.redirectUri ?? app.redirect_uris[0],
    scope: opts.scope ?? 'read',
    login: opts.login,
    password: opts.password ?? PASSWORD,
    decision: opts.decision ?? 'approve',
  });
  if (opts.challenge) {
    form.set('code_challenge', opts.challenge);
    form.set('code_challenge_method', 'S256');
  }
  if (opts.state) form.set('state', opts.state);
  return send(`${base}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
}

/** Runs the authorization-code flow with PKCE for `login` and returns the user token. */
export async function authorizeUser(
  base: string,
  app: AppEntity,
  login: string,
  scope: string,
): Promise<string> {
  const { verifier, challenge } = pkcePair();
  const res = await approve(base, app, { login, scope, challenge });
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`authorize: ${res.status}`);
  const tok = await new Api(base).post('/oauth/token', {
    grant_type: 'authorization_code',
    code,
    client_id: app.client_id,
    redirect_uri: app.redirect_uris[0],
    code_verifier: verifier,
  });
  if (tok.status !== 200) throw new Error(`token: ${tok.status} ${JSON.stringify(tok.body)}`);
  return tok.body.access_token;
}

/** POST /oauth/revoke as `app` (its client credentials); the response status. */
export async function revokeAs(base: string, app: AppEntity, token: string): Promise<number> {
  const res = await new Api(base).post('/oauth/revoke', {
    client_id: app.client_id,
    client_secret: app.client_secret,
    token,
  });
  return res.status;
}
