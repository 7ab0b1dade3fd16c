import {
  accountStatusesQuery,
  credentialsBody,
  followBody,
  lookupQuery,
  registrationBody,
  relationshipsQuery,
} from '@hashchat/api/requests/accounts';
import { formBool, idParam, pageParams } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { HashchatError, notFound } from '@hashchat/core/errors';
import { serializeAccount, serializeCredentialAccount } from '../../../present/account';
import { updateCredentials } from '../../../services/accounts';
import { applyStatusFilter, loadStatusFilter } from '../../../services/filters';
import { follow, unfollow } from '../../../services/follows';
import { issueToken, tokenEntity } from '../../../services/oauth';
import { profilePinIds } from '../../../services/pins';
import { profileStatusIds } from '../../../services/profile-statuses';
import { registerAccount } from '../../../services/registration';
import { relationships } from '../../../services/relationships';
import { presentVisibleStatuses } from '../../../services/status-views';
import { findAccountById, findAccountByUsername, findAccountsByIds } from '../../../store/accounts';
import { followAccountIds } from '../../../store/follows';
import { optionalUser, requireToken, requireUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import { refuseUnsupported } from '../../params';
import type { RouteModule } from '../../route-module';

export const accountRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;

  async function accountOr404(id: number) {
    const a = await findAccountById(ctx.store.db, id);
    if (!a || a.suspended_at !== null) throw notFound();
    return a;
  }

  app.post('/api/v1/accounts', async (req) => {
    const v = requireToken(req, 'write:accounts');
    if (!ctx.config.registrationsOpen)
      throw new HashchatError('Forbidden', 'Registrations are closed on this instance');
    if (ctx.config.rateLimit.enabled) {
      const { count } = await ctx.rateLimiter.hit(`register:${req.ip}`, 3600);
      if (count > ctx.config.rateLimit.registrationsPerHour)
        throw new HashchatError('RateLimited', 'Too many sign-ups from this address');
    }
    const input = parseRequest(registrationBody, req.body);
    const account = await registerAccount(ctx, input);
    const scopes = v.scopes;
    const t = await issueToken(ctx, { appId: v.appId, accountId: Number(account.id), scopes, kind: 'oauth' });
    return tokenEntity(t, scopes);
  });

  app.get('/api/v1/accounts/verify_credentials', async (req) => {
    const id = requireUser(req, 'read:accounts');
    return serializeCredentialAccount(await accountOr404(id), base);
  });

  app.patch('/api/v1/accounts/update_credentials', async (req) => {
    const id = requireUser(req, 'write:accounts');
    // Profile parts Hashchat does not keep (yet): refused by name rather than dropped.
    refuseUnsupported(req.body, ['avatar', 'header', 'fields_attributes']);
    refuseUnsupported(req.body, ['locked', 'bot'], (v) => formBool.safeParse(v).data === true);
    const input = parseRequest(credentialsBody, req.body);
    const row = await updateCredentials(ctx, id, { displayName: input.display_name, note: input.note });
    return serializeCredentialAccount(row, base);
  });

  app.get('/api/v1/accounts/relationships', async (req) => {
    const me = requireUser(req, 'read:follows');
    const { id } = parseRequest(relationshipsQuery, req.query);
    return relationships(ctx, me, id.slice(0, 100));
  });

  app.get('/api/v1/accounts/lookup', async (req) => {
    const { acct } = parseRequest(lookupQuery, req.query);
    const host = new URL(base).host;
    const [username, domain, extra] = acct.replace(/^@/, '').split('@');
    if (!username || extra !== undefined) throw notFound();
    // A remote account known here is found by its whole handle (user@host), as Mastodon does.
    const local = !domain || domain.toLowerCase() === host;
    const a = await findAccountByUsername(ctx.store.db, local ? username : `${username}@${domain}`);
    if (!a || a.suspended_at !== null) throw notFound();
    return serializeAccount(a, base);
  });

  app.get('/api/v1/accounts/:id', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return serializeAccount(await accountOr404(id), base);
  });

  app.get('/api/v1/accounts/:id/statuses', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    await accountOr404(id);
    const viewer = optionalUser(req, 'read:statuses');
    const q = parseRequest(accountStatusesQuery, req.query);
    if (q.only_media) return [];
    if (q.pinned) {
      // At most five, on one page: a cursor asks for what is beyond them, which is nothing.
      if (q.max_id || q.min_id || q.since_id) return [];
      const [pinned, filter] = await Promise.all([
        presentVisibleStatuses(ctx, await profilePinIds(ctx, id), viewer),
        loadStatusFilter(ctx, viewer),
      ]);
      return applyStatusFilter(pinned, filter, 'account');
    }
    const ids = await profileStatusIds(
      ctx,
      id,
      viewer,
      {
        excludeReplies: Boolean(q.exclude_replies),
        excludeReblogs: Boolean(q.exclude_reblogs),
        tagged: q.tagged,
      },
      pageKeyset(q),
    );
    const [presented, filter] = await Promise.all([
      presentVisibleStatuses(ctx, ids, viewer),
      loadStatusFilter(ctx, viewer),
    ]);
    const statuses = applyStatusFilter(presented, filter, 'account');
    const link = linkHeader(
      base,
      `/api/v1/accounts/${id}/statuses`,
      req.query as Record<string, unknown>,
      ids,
    );
    if (link) reply.header('link', link);
    return statuses;
  });

  app.post('/api/v1/accounts/:id/follow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { id } = parseRequest(idParam, req.params);
    // Per-follow language filters would be dropped: refused rather than ignored.
    refuseUnsupported(req.body, ['languages']);
    const opts = parseRequest(followBody, req.body);
    await follow(ctx, me, id, { reblogs: opts.reblogs, notify: opts.notify });
    return (await relationships(ctx, me, [id]))[0];
  });

  app.post('/api/v1/accounts/:id/unfollow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { id } = parseRequest(idParam, req.params);
    await unfollow(ctx, me, id);
    return (await relationships(ctx, me, [id]))[0];
  });

  for (const path of ['followers', 'following'] as const) {
    app.get(`/api/v1/accounts/:id/${path}`, async (req, reply) => {
      const { id } = parseRequest(idParam, req.params);
      await accountOr404(id);
      const q = parseRequest(pageParams, req.query);
      const ids = await followAccountIds(ctx.store.db, id, path, pageKeyset(q));
      const accounts = await findAccountsByIds(ctx.store.db, ids);
      const link = linkHeader(
        base,
        `/api/v1/accounts/${id}/${path}`,
        req.query as Record<string, unknown>,
        ids,
      );
      if (link) reply.header('link', link);
      return ids
        .map((a) => accounts.get(a))
        .filter((a) => a !== undefined)
        .map((a) => serializeAccount(a, base));
    });
  }
};
