import { notFound, unprocessable } from '@hashchat/core/errors';
import { isValidTagName, normalizeTag } from '@hashchat/core/text/tag-name';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from '../../../context';
import { followTag, unfollowTag } from '../../../services/accounts';
import { optionalUser, requireUser } from '../../auth';
import { linkHeader, pageParams } from '../../pagination';
import { parse } from '../../params';
import type { RouteModule } from '../../routes';

const DAY = 86_400_000;

/** Mastodon's Tag entity with a 7-day usage history (uses and distinct accounts per day). */
export async function presentTag(
  ctx: Context,
  tag: { id: number; name: string; display_name: string },
  viewerId: number | null,
) {
  const now = ctx.now();
  const today = Math.floor(now / DAY) * DAY;
  const since = today - 6 * DAY;
  const rows = await ctx.store.db
    .selectFrom('status_tags')
    .select([
      sql<number>`(created_at / ${sql.lit(DAY)})`.as('day'),
      (eb) => eb.fn.countAll<number>().as('uses'),
      (eb) => eb.fn.count<number>('account_id').distinct().as('accounts'),
    ])
    .where('tag_id', '=', tag.id)
    .where('created_at', '>=', since)
    .groupBy(sql`(created_at / ${sql.lit(DAY)})`)
    .execute();
  const byDay = new Map(rows.map((r) => [Math.floor(Number(r.day)), r]));
  const history = [];
  for (let d = today; d >= since; d -= DAY) {
    const r = byDay.get(d / DAY);
    history.push({
      day: String(d / 1000),
      uses: String(r ? Number(r.uses) : 0),
      accounts: String(r ? Number(r.accounts) : 0),
    });
  }
  const following =
    viewerId === null
      ? false
      : Boolean(
          await ctx.store.db
            .selectFrom('tag_follows')
            .select('tag_id')
            .where('account_id', '=', viewerId)
            .where('tag_id', '=', tag.id)
            .executeTakeFirst(),
        );
  return {
    id: String(tag.id),
    name: tag.display_name,
    url: `${ctx.config.publicUrl}/tags/${encodeURIComponent(tag.name)}`,
    history,
    following,
  };
}

/** Finds a tag by any spelling, creating it when `create` (following a tag nobody used yet works). */
export async function findOrCreateTag(ctx: Context, raw: string, create: boolean) {
  const display = raw.replace(/^[#＃]/, '');
  if (!isValidTagName(display)) throw unprocessable('Validation failed: Name is invalid');
  const name = normalizeTag(display);
  const db = ctx.store.db;
  if (create) {
    await db
      .insertInto('tags')
      .values({ name, display_name: display, created_at: ctx.now() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const row = await db
    .selectFrom('tags')
    .select(['id', 'name', 'display_name'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? { id: Number(row.id), name: row.name, display_name: row.display_name } : null;
}

export const tagRoutes: RouteModule = (app, ctx) => {
  const nameParam = z.object({ name: z.string().min(1).max(200) });

  app.get('/api/v1/tags/:name', async (req) => {
    const { name } = parse(nameParam, req.params);
    const tag = await findOrCreateTag(ctx, name, false);
    if (!tag) throw notFound();
    return presentTag(ctx, tag, optionalUser(req, 'read:follows'));
  });

  app.post('/api/v1/tags/:name/follow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { name } = parse(nameParam, req.params);
    const tag = (await findOrCreateTag(ctx, name, true))!;
    await followTag(ctx, me, tag);
    return presentTag(ctx, tag, me);
  });

  app.post('/api/v1/tags/:name/unfollow', async (req) => {
    const me = requireUser(req, 'write:follows');
    const { name } = parse(nameParam, req.params);
    const tag = await findOrCreateTag(ctx, name, false);
    if (!tag) throw notFound();
    await unfollowTag(ctx, me, tag);
    return presentTag(ctx, tag, me);
  });

  app.get('/api/v1/followed_tags', async (req, reply) => {
    const me = requireUser(req, 'read:follows');
    const q = parse(pageParams, req.query);
    let sel = ctx.store.db
      .selectFrom('tag_follows as f')
      .innerJoin('tags as t', 't.id', 'f.tag_id')
      .select(['t.id', 't.name', 't.display_name'])
      .where('f.account_id', '=', me);
    if (q.max_id) sel = sel.where('t.id', '<', q.max_id);
    if (q.since_id) sel = sel.where('t.id', '>', q.since_id);
    const asc = q.min_id !== undefined;
    if (asc) sel = sel.where('t.id', '>', q.min_id!);
    const rows = await sel
      .orderBy('t.id', asc ? 'asc' : 'desc')
      .limit(q.limit)
      .execute();
    if (asc) rows.reverse();
    const tags = await Promise.all(
      rows.map((r) => presentTag(ctx, { id: Number(r.id), name: r.name, display_name: r.display_name }, me)),
    );
    const link = linkHeader(
      ctx.config.publicUrl,
      '/api/v1/followed_tags',
      req.query as Record<string, unknown>,
      rows.map((r) => Number(r.id)),
    );
    if (link) reply.header('link', link);
    return tags;
  });
};
