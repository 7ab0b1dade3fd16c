import { registrationBody, signInBody } from '@hashchat/api/requests/accounts';
import { parseRequest } from '@hashchat/api/requests/validation';
import { HashchatError } from '@hashchat/core/errors';
import type { FastifyReply } from 'fastify';
import { serializeCredentialAccount } from '../../../present/account';
import { issueToken, revokeToken } from '../../../services/oauth';
import { registerAccount } from '../../../services/registration';
import { signIn } from '../../../services/sign-in';
import type { AccountRow } from '../../../store/accounts';
import { findAccountById } from '../../../store/accounts';
import { SESSION_COOKIE } from '../../auth';
import { keepUncompressed } from '../../compression';
import { fromOwnOrigin } from '../../origin';
import type { RouteModule } from '../../route-module';

const WEB_SCOPES = ['read', 'write', 'follow', 'push'];
const THIRTY_DAYS = 30 * 24 * 3600;

/**
 * The web app's own sign-up/sign-in: a session token in an HttpOnly, SameSite=Lax cookie, plus a
 * CSRF token the app echoes in `X-CSRF-Token` on every write (checked in one hook).
 */
export const sessionRoutes: RouteModule = (app, ctx) => {
  const secure = ctx.config.publicUrl.startsWith('https:');

  async function startSession(reply: FastifyReply, account: AccountRow) {
    keepUncompressed(reply);
    const t = await issueToken(ctx, {
      appId: null,
      accountId: Number(account.id),
      scopes: WEB_SCOPES,
      kind: 'session',
    });
    reply.setCookie(SESSION_COOKIE, t.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: THIRTY_DAYS,
    });
    return { account: serializeCredentialAccount(account, ctx.config.publicUrl), csrf_token: t.csrf };
  }

  app.get('/api/v1/auth/session', async (req, reply) => {
    keepUncompressed(reply);
    const v = req.viewer;
    if (v.via !== 'cookie' || v.accountId === null) throw new HashchatError('Unauthorized', 'Not signed in');
    const account = await findAccountById(ctx.store.db, v.accountId);
    if (!account) throw new HashchatError('Unauthorized', 'Not signed in');
    return { account: serializeCredentialAccount(account, ctx.config.publicUrl), csrf_token: v.csrfToken };
  });

  app.post('/api/v1/auth/sign_up', async (req, reply) => {
    if (!ctx.config.registrationsOpen)
      throw new HashchatError('Forbidden', 'Registrations are closed on this instance');
    if (ctx.config.rateLimit.enabled) {
      const { count } = await ctx.rateLimiter.hit(`register:${req.ip}`, 3600);
      if (count > ctx.config.rateLimit.registrationsPerHour)
        throw new HashchatError('RateLimited', 'Too many sign-ups from this address');
    }
    const account = await registerAccount(ctx, parseRequest(registrationBody, req.body));
    return startSession(reply, account);
  });

  app.post('/api/v1/auth/sign_in', async (req, reply) => {
    const input = parseRequest(signInBody, req.body);
    const account = await signIn(ctx, req.ip, input.login, input.password);
    return startSession(reply, account);
  });

  app.post('/api/v1/auth/sign_out', async (req, reply) => {
    // Another origin's page is anonymous (so skips the CSRF check): it must not sign anyone out.
    if (!fromOwnOrigin(req, ctx.config.publicUrl))
      throw new HashchatError('Forbidden', 'Cross-origin request');
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.viewer.via === 'cookie') await revokeToken(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return {};
  });
};
