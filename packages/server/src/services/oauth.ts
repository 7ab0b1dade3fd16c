import { HashchatError } from '@hashchat/core/errors';
import { scopesWithin } from '../auth/scopes';
import { hashSecret, newSecret, pkceChallenge, safeEqual } from '../auth/secrets';
import type { Context } from '../context';
import { findAppByClientId, insertApp } from '../store/apps';
import { insertOAuthCode, takeOAuthCode } from '../store/oauth-codes';
import { insertToken, revokeTokenByHash } from '../store/tokens';

export const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const CODE_TTL_MS = 10 * 60 * 1000;

export async function createApp(
  ctx: Context,
  input: { name: string; redirectUris: string[]; scopes: string[]; website: string | null },
) {
  return insertApp(ctx.store.db, {
    name: input.name,
    website: input.website,
    redirect_uris: input.redirectUris.join('\n'),
    scopes: input.scopes.join(' '),
    client_id: newSecret(24),
    client_secret: newSecret(32),
    created_at: ctx.now(),
  });
}

export async function findApp(ctx: Context, clientId: string) {
  return findAppByClientId(ctx.store.db, clientId);
}

/** OAuth's `invalid_client`: the client could not be authenticated. */
export const invalidClient = () =>
  new HashchatError(
    'Unauthorized',
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  );

/** Checks client credentials; OAuth's `invalid_client` otherwise. */
export async function authenticateClient(ctx: Context, clientId: string, clientSecret: string | undefined) {
  const app = await findApp(ctx, clientId);
  if (!app || clientSecret === undefined || !safeEqual(app.client_secret, clientSecret))
    throw invalidClient();
  return app;
}

export async function issueToken(
  ctx: Context,
  input: { appId: number | null; accountId: number | null; scopes: string[]; kind: 'oauth' | 'session' },
) {
  const token = newSecret(32);
  const csrf = input.kind === 'session' ? newSecret(24) : null;
  const now = ctx.now();
  await insertToken(ctx.store.db, {
    token_hash: hashSecret(token),
    kind: input.kind,
    app_id: input.appId,
    account_id: input.accountId,
    scopes: input.scopes.join(' '),
    csrf_token: csrf,
    created_at: now,
    revoked_at: null,
  });
  return { token, csrf, createdAt: now };
}

export function tokenEntity(t: { token: string; createdAt: number }, scopes: string[]) {
  return {
    access_token: t.token,
    token_type: 'Bearer',
    scope: scopes.join(' '),
    created_at: Math.floor(t.createdAt / 1000),
  };
}

/**
 * Revokes a token (only one `appId` issued, when given) and ends what it opened: its streams
 * close and it leaves the token caches, on every instance.
 */
export async function revokeToken(ctx: Context, token: string, appId?: number): Promise<void> {
  const hash = hashSecret(token);
  const revoked = await revokeTokenByHash(ctx.store.db, hash, ctx.now(), appId);
  // Another app's revoke attempt changed nothing, and forgetting is harmless: it is read again.
  ctx.tokens.forget(hash);
  for (const row of revoked) await ctx.hub.revoke({ tokenId: Number(row.id) });
}

export async function createCode(
  ctx: Context,
  input: {
    appId: number;
    accountId: number;
    scopes: string[];
    redirectUri: string;
    challenge: string | null;
    method: string | null;
  },
): Promise<string> {
  const code = newSecret(24);
  await insertOAuthCode(ctx.store.db, {
    code_hash: hashSecret(code),
    app_id: input.appId,
    account_id: input.accountId,
    scopes: input.scopes.join(' '),
    redirect_uri: input.redirectUri,
    code_challenge: input.challenge,
    code_challenge_method: input.method,
    expires_at: ctx.now() + CODE_TTL_MS,
    created_at: ctx.now(),
  });
  return code;
}

/**
 * Exchanges an authorization code once (it is deleted on any attempt), checking the client,
 * the redirect URI and PKCE. A code bound to a PKCE challenge proves its client by the
 * verifier (RFC 7636 §4.6); any other code only with the client secret (RFC 6749 §4.1.3),
 * so a leaked code without PKCE is worthless without the secret. A secret that is sent is
 * always checked.
 */
export async function exchangeCode(
  ctx: Context,
  input: {
    clientId: string;
    clientSecret: string | undefined;
    code: string;
    redirectUri: string;
    verifier: string | undefined;
  },
) {
  const client =
    input.clientSecret !== undefined
      ? await authenticateClient(ctx, input.clientId, input.clientSecret)
      : await findApp(ctx, input.clientId);
  if (!client) throw invalidClient();
  const appId = Number(client.id);
  const invalid = () =>
    new HashchatError(
      'Invalid',
      'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    );
  const row = await takeOAuthCode(ctx.store.db, hashSecret(input.code));
  if (
    !row ||
    Number(row.app_id) !== appId ||
    Number(row.expires_at) < ctx.now() ||
    row.redirect_uri !== input.redirectUri
  )
    throw invalid();
  if (row.code_challenge) {
    if (!input.verifier) throw invalid();
    const computed = row.code_challenge_method === 'S256' ? pkceChallenge(input.verifier) : input.verifier;
    if (!safeEqual(computed, row.code_challenge)) throw invalid();
  } else if (input.clientSecret === undefined) throw invalidClient();
  const scopes = row.scopes.split(' ');
  const t = await issueToken(ctx, {
    appId,
    accountId: Number(row.account_id),
    scopes,
    kind: 'oauth',
  });
  return tokenEntity(t, scopes);
}

export function assertScopesAllowed(requested: string[], appScopes: string): void {
  if (!scopesWithin(requested, appScopes.split(' '))) {
    throw new HashchatError('Invalid', 'The requested scope is invalid, unknown, or malformed.');
  }
}
