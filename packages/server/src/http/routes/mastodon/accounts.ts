import { HashchatError, notFound } from '@hashchat/core/errors';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import { z } from 'zod';
import {
  follow,
  registerAccount,
  relationships,
  unfollow,
  updateCredentials,
} from '../../../services/accounts';
import { issueToken, tokenEntity } from '../../../services/oauth';
import { presentStatuses } from '../../../services/status-views';
import { findAccountById, findAccountByUsername, findAccountsByIds } from '../../../store/accounts';
import { optionalUser, requireToken, requireUser } from '../../auth';
import { formBool, idList, idParam } from '../../fields';
import { linkHeader, pageParams } from '../../pagination';
import { parse } from '../../params';
import type { RouteModule } from '../../routes';
import { serializeAccount, serializeCredentialAccount } from '../../serializers/account';

export const registrationInput = z.object({
  username: z.string().default(''),
  email: z.string().default(''),
  password: z.string().default(''),
  agreement: formBool.default(false),
  locale: z.string().default('en'),
  reason: z.string().max(1000).optional(),
});

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
    const input = parse(registrationInput, req.body);
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
    const input = parse(
      z.object({ display_name: z.string().max(30).optional(), note: z.string().max(500).optional() }),
      req.body,
    );
    const row = await updateCredentials(ctx, id, { displayName: input.display_name, note: input.note });
    return serializeCredentialAccount(row, base);
  });

  app.get('/api/v1/accounts/relationships', async (req) => {
    const me = requireUser(req, 'read:follows');
    const { id } = parse(z.object({ id: idList }), req.query);
    return relationships(ctx, me, id.slice(0, 100));
  });

  app.get('/api/v1/accounts/lookup', async (req) => {
    const { acct } = parse(z.object({ acct: z.string().min(1).max(300) }), req.query);
    const host = new URL(base).host;
    const [username, domain] = acct.replace(/^@/, '').split('@');
    if (domain && domain.toLowerCase() !== host) throw notFound();
    const a = await findAccountByUsername(ctx.store.db, username);
    if (!a || a.suspended_at !== null) throw notFound();
    return serializeAccount(a, base);
  });

  app.get('/api/v1/accounts/:id', async (req) => {
    const { id } = parse(idParam, req.params);
    return serializeAccount(await accountOr404(id), base);
  });

  app.get('/api/v1/accounts/:id/statuses', async (req, reply) => {
    const { id } = parse(idParam, req.params);
    await accountOr404(id);
    const viewer = optionalUser(req, 'read:statuses');
    const q = parse(
      pageParams.extend({
        exclude_replies: formBool.optional(),
        exclude_reblogs: formBool.optional(),
        tagged: z.string().optional(),
        only_media: formBool.optional(),
        pinned: formBool.optional(),
      }),
      req.query,
    );
    if (q.pinned || q.only_media) return [];
    let sel = ctx.store.db.selectFrom('statuses').select('id').where('account_id', '=', id);
    // Followers-only statuses for followers and the author; direct ones never on a profile.
    const canSeePrivate =
      viewer === id ||
      (viewer !== null &&
        Boolean(
          await ctx.store.db
            .selectFrom('follows')
            .select('account_id')
            .where('account_id', '=', viewer)
            .where('target_account_id', '=', id)
            .executeTakeFirst(),
        ));
    sel = sel.where(
      'visibility',
      'in',
      canSeePrivate ? ['public', 'unlisted', 'private'] : ['public', 'unlisted'],
    );
    if (q.exclude_replies) sel = sel.where('in_reply_to_id', 'is', null);
    if (q.exclude_reblogs) sel = sel.where('reblog_of_id', 'is', null);
    if (q.tagged) {
      const tag = normalizeTag(q.tagged.replace(/^[#＃]/, ''));
      sel = sel.where((eb) =>
        eb.exists(
          eb
            .selectFrom('status_tags as st')
            .innerJoin('tags as t', 't.id', 'st.tag_id')
            .select('st.status_id')
            .whereRef('st.status_id', '=', 'statuses.id')
            .where('t.name', '=', tag),
        ),
      );
    }
    if (q.max_id) sel = sel.where('id', '<', q.max_id);
    if (q.since_id) sel = sel.where('id', '>', q.since_id);
    const ascending = q.min_id !== undefined;
    if (ascending) sel = sel.where('id', '>', q.min_id!);
    const rows = await sel
      .orderBy('id', ascending ? 'asc' : 'desc')
      .limit(q.limit)
      .execute();
    const ids = rows.map((r) => Number(r.id));
    if (ascending) ids.reverse();
    const statuses = await presentStatuses(ctx, ids, viewer);
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
    const { id } = parse(idParam, req.params);
    await follow(ctx, me, id);
    return (await relationships(ctx, me, [id]))[0];
  });

  app.post('/api/v1/accounts/:id/unfollow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { id } = parse(idParam, req.params);
    await unfollow(ctx, me, id);
    return (await relationships(ctx, me, [id]))[0];
  });

  for (const [path, mine, other] of [
    ['followers', 'target_account_id', 'account_id'],
    ['following', 'account_id', 'target_account_id'],
  ] as const) {
    app.get(`/api/v1/accounts/:id/${path}`, async (req, reply) => {
      const { id } = parse(idParam, req.params);
      await accountOr404(id);
      const q = parse(pageParams, req.query);
      let sel = ctx.store.db.selectFrom('follows').select(other).where(mine, '=', id);
      if (q.max_id) sel = sel.where(other, '<', q.max_id);
      if (q.since_id) sel = sel.where(other, '>', q.since_id);
      const asc = q.min_id !== undefined;
      if (asc) sel = sel.where(other, '>', q.min_id!);
      const rows = await sel
        .orderBy(other, asc ? 'asc' : 'desc')
        .limit(q.limit)
        .execute();
      const ids = rows.map((r) => Number((r as Record<string, number>)[other]));
      if (asc) ids.reverse();
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
