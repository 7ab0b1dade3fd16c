import { idParam, pageParams } from '@hashchat/api/requests/fields';
import { muteBody } from '@hashchat/api/requests/moderation';
import { parseRequest } from '@hashchat/api/requests/validation';
import { serializeAccount } from '../../../present/account';
import {
  blockAccount,
  muteAccount,
  unblockAccount,
  unmuteAccount,
} from '../../../services/moderation/blocks';
import { relationships } from '../../../services/relationships';
import { findAccountsByIds } from '../../../store/accounts';
import { listBlocksOrMutes, muteExpiries } from '../../../store/blocks';
import { requireUser } from '../../auth';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/** Personal blocks and mutes, as in Mastodon: each answers with the Relationship. */
export const blockRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;

  const relationship = async (me: number, id: number) => (await relationships(ctx, me, [id]))[0];

  app.post('/api/v1/accounts/:id/block', async (req) => {
    const me = requireUser(req, 'write:blocks');
    const { id } = parseRequest(idParam, req.params);
    await blockAccount(ctx, me, id);
    return relationship(me, id);
  });

  app.post('/api/v1/accounts/:id/unblock', async (req) => {
    const me = requireUser(req, 'write:blocks');
    const { id } = parseRequest(idParam, req.params);
    await unblockAccount(ctx, me, id);
    return relationship(me, id);
  });

  app.post('/api/v1/accounts/:id/mute', async (req) => {
    const me = requireUser(req, 'write:mutes');
    const { id } = parseRequest(idParam, req.params);
    const b = parseRequest(muteBody, req.body);
    await muteAccount(ctx, me, id, { notifications: b.notifications, durationSeconds: b.duration });
    return relationship(me, id);
  });

  app.post('/api/v1/accounts/:id/unmute', async (req) => {
    const me = requireUser(req, 'write:mutes');
    const { id } = parseRequest(idParam, req.params);
    await unmuteAccount(ctx, me, id);
    return relationship(me, id);
  });

  for (const [path, table, scope] of [
    ['blocks', 'account_blocks', 'read:blocks'],
    ['mutes', 'account_mutes', 'read:mutes'],
  ] as const) {
    app.get(`/api/v1/${path}`, async (req, reply) => {
      const me = requireUser(req, scope);
      const q = parseRequest(pageParams, req.query);
      const rows = await listBlocksOrMutes(
        ctx.store.db,
        table,
        me,
        { maxId: q.max_id, sinceId: q.since_id, minId: q.min_id, limit: q.limit },
        ctx.now(),
      );
      const targets = rows.map((r) => Number(r.target_account_id));
      const [accounts, expiries] = await Promise.all([
        findAccountsByIds(ctx.store.db, targets),
        table === 'account_mutes' ? muteExpiries(ctx.store.db, me, targets) : null,
      ]);
      const link = linkHeader(
        base,
        `/api/v1/${path}`,
        req.query as Record<string, unknown>,
        rows.map((r) => Number(r.id)),
      );
      if (link) reply.header('link', link);
      return targets
        .map((t) => {
          const a = accounts.get(t);
          if (!a) return null;
          const entity = serializeAccount(a, base);
          if (!expiries) return entity;
          const until = expiries.get(t) ?? null;
          return { ...entity, mute_expires_at: until === null ? null : new Date(until).toISOString() };
        })
        .filter((a) => a !== null);
    });
  }
};
