import { HashchatError, unauthorized } from '@hashchat/core/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasScope } from '../auth/scopes';
import { hashSecret, safeEqual } from '../auth/secrets';
import type { TokenRecord } from '../auth/token-cache';
import type { Context } from '../context';
import { findTokenByHash } from '../store/tokens';
import { fromOwnOrigin } from './origin';

export const SESSION_COOKIE = 'hc_session';

/** Who is asking: resolved once per request from a bearer token, `access_token` or the web session cookie. */
export interface Viewer {
  accountId: number | null;
  appId: number | null;
  scopes: string[];
  via: 'bearer' | 'cookie' | 'none';
  tokenId: number | null;
  csrfToken: string | null;
}

const ANONYMOUS: Viewer = {
  accountId: null,
  appId: null,
  scopes: [],
  via: 'none',
  tokenId: null,
  csrfToken: null,
};

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h && /^bearer\s+/i.test(h)) return h.replace(/^bearer\s+/i, '').trim() || null;
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  if (typeof q === 'string' && q) return q;
  // Browsers cannot set headers on a WebSocket: Mastodon clients send the token as a subprotocol.
  const proto = req.headers['sec-websocket-protocol'];
  if (typeof proto === 'string' && proto && req.headers.upgrade) return proto.split(',')[0].trim();
  return null;
}

/**
 * The viewer of a request. The session cookie counts only on requests from the site's own
 * pages: another origin's page (another port of the same host shares the cookie) is anonymous,
 * so it can neither read a signed-in user's streams nor act as them. Tokens work from anywhere.
 */
export async function resolveViewer(ctx: Context, req: FastifyRequest): Promise<Viewer> {
  const token = bearer(req);
  const cookie = token || !fromOwnOrigin(req, ctx.config.publicUrl) ? null : req.cookies?.[SESSION_COOKIE];
  const secret = token ?? cookie;
  if (!secret) return ANONYMOUS;
  const row = await findToken(ctx, hashSecret(secret));
  if (!row || row.revoked_at !== null || row.suspended_at) {
    if (token) throw unauthorized();
    return ANONYMOUS; // a stale cookie just means "signed out"
  }
  if (cookie && row.kind !== 'session') return ANONYMOUS;
  return {
    accountId: row.account_id === null ? null : Number(row.account_id),
    appId: row.app_id === null ? null : Number(row.app_id),
    scopes: row.scopes.split(' '),
    via: token ? 'bearer' : 'cookie',
    tokenId: Number(row.id),
    csrfToken: row.csrf_token,
  };
}

/** The token row behind a hash, from the short-lived cache or the database. */
async function findToken(ctx: Context, hash: string): Promise<TokenRecord | undefined> {
  const cached = ctx.tokens.get(hash);
  if (cached) return cached;
  const row = await findTokenByHash(ctx.store.db, hash);
  if (!row) return undefined;
  const record: TokenRecord = {
    id: Number(row.id),
    account_id: row.account_id === null ? null : Number(row.account_id),
    app_id: row.app_id === null ? null : Number(row.app_id),
    scopes: row.scopes,
    kind: row.kind,
    csrf_token: row.csrf_token,
    revoked_at: row.revoked_at === null ? null : Number(row.revoked_at),
    suspended_at: row.suspended_at === null ? null : Number(row.suspended_at),
  };
  if (record.revoked_at === null && record.suspended_at === null) ctx.tokens.set(hash, record);
  return record;
}

/** Cookie-authenticated writes must echo the session's CSRF token in a header (double submit). */
export function checkCsrf(req: FastifyRequest): void {
  if (req.viewer.via !== 'cookie') return;
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  // HTML forms (the OAuth consent page) cannot set headers; they send the token as a field.
  const field = (req.body as Record<string, unknown> | undefined)?.authenticity_token;
  const sent = req.headers['x-csrf-token'] ?? field;
  if (typeof sent !== 'string' || !req.viewer.csrfToken || !safeEqual(sent, req.viewer.csrfToken)) {
    throw new HashchatError('Forbidden', 'Invalid or missing CSRF token');
  }
}

/** The signed-in account, with `scope` granted to its token; 401 or 403 otherwise. */
export function requireUser(req: FastifyRequest, scope: string): number {
  const v = req.viewer;
  if (v.accountId === null)
    throw new HashchatError(
      'Unauthorized',
      v.via === 'none' ? 'The access token is invalid' : 'This method requires an authenticated user',
    );
  if (!hasScope(v.scopes, scope))
    throw new HashchatError('Forbidden', 'This action is outside the authorized scopes');
  return v.accountId;
}

/**
 * The signed-in account on an admin route. A token needs the admin `scope` (read and write never
 * imply it); the web app's own cookie session passes, as web sessions opened before admin scopes
 * existed lack them. Either way the service then checks the account is an admin.
 */
export function requireAdminUser(req: FastifyRequest, scope: string): number {
  if (req.viewer.via === 'cookie' && req.viewer.accountId !== null) return req.viewer.accountId;
  return requireUser(req, scope);
}

/** An app or user token with `scope` (client_credentials tokens pass). */
export function requireToken(req: FastifyRequest, scope: string): Viewer {
  const v = req.viewer;
  if (v.via === 'none') throw unauthorized();
  if (!hasScope(v.scopes, scope))
    throw new HashchatError('Forbidden', 'This action is outside the authorized scopes');
  return v;
}

/** The viewer's account when signed in with `scope`, else null (public reads). */
export function optionalUser(req: FastifyRequest, scope: string): number | null {
  const v = req.viewer;
  if (v.accountId === null || !hasScope(v.scopes, scope)) return null;
  return v.accountId;
}

export type Reply = FastifyReply;
