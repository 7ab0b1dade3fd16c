import { accountTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import type { Context } from '../context';
import { withViewerState } from '../present/status';
import { appendEvents, type NewEvent } from '../store/events';
import {
  addFavourite,
  deleteReblog,
  findReblogId,
  insertReblog,
  removeFavourite,
} from '../store/interactions';
import { addNotifications } from './notifications';
import { publishEvents } from './publish';
import { asSeenBy, hydrateStatuses, presentForEveryone, presentStatus, viewerStateOf } from './status-views';
import { countsChanged } from './timeline-pages';
import { loadVisibleStatus, statusTopics } from './visibility';

/**
 * Favourites a status (idempotent) and notifies its author; a remote author's server is sent a
 * Like (ctx.federation decides whose: only a local account's favourite of a remote status).
 */
export async function favourite(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const author = await addFavourite(trx, viewerId, target, ctx.now());
    if (author === null) return null;
    const events = await addNotifications(ctx, trx, [
      { accountId: author, fromAccountId: viewerId, type: 'favourite', statusId: target },
    ]);
    return appendEvents(trx, ctx.store.dialect, events, ctx.now());
  });
  countsChanged(ctx);
  if (stored) {
    await publishEvents(ctx, stored);
    await ctx.federation?.like(viewerId, target);
  }
  return presentStatus(ctx, target, viewerId);
}

export async function unfavourite(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  const removed = await ctx.store.db.transaction().execute((trx) => removeFavourite(trx, viewerId, target));
  countsChanged(ctx);
  if (removed) await ctx.federation?.unlike(viewerId, target);
  return presentStatus(ctx, target, viewerId);
}

/**
 * Reblogs (reposts) a public or unlisted status; returns the reblog wrapper like Mastodon. The
 * boosted status is read before the transaction; inside it, the wrapper is presented once, for
 * its event, from those rows and the ones the insert returns; the answer is that entity with
 * the viewer's state.
 */
export async function reblog(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target =
    row.reblog_of_id !== null ? await loadVisibleStatus(ctx, viewerId, Number(row.reblog_of_id)) : row;
  if (target.visibility === 'private' || target.visibility === 'direct') throw notFound();
  const now = ctx.now();
  const existing = await findReblogId(ctx.store.db, viewerId, Number(target.id));
  if (existing !== null) return presentStatus(ctx, existing, viewerId);
  const authorId = Number(target.account_id);
  const boosted = (await hydrateStatuses(ctx, [Number(target.id)], null)).statuses.get(Number(target.id));
  if (!boosted) throw notFound();
  const authorState = await viewerStateOf(ctx, authorId, Number(target.id), boosted.poll?.poll.id);
  const { stored, entity } = await ctx.store.db.transaction().execute(async (trx) => {
    const r = await insertReblog(trx, viewerId, Number(target.id), now);
    const inner = presentForEveryone(ctx, {
      ...boosted,
      row: { ...boosted.row, reblogs_count: r.reblogsCount },
    });
    const entity = presentForEveryone(
      ctx,
      { row: r.reblog, account: r.account, tags: [], mentions: [], media: [], poll: null },
      inner,
      null,
    );
    const events: NewEvent[] = [
      {
        event: 'update',
        payload: JSON.stringify(entity),
        accountId: viewerId,
        topics: statusTopics(r.reblog, [], []),
      },
    ];
    events.push(
      ...(await addNotifications(
        ctx,
        trx,
        [
          {
            accountId: authorId,
            fromAccountId: viewerId,
            type: 'reblog',
            statusId: Number(target.id),
          },
        ],
        // Their own status, as just presented, with what they did to it themselves.
        { statuses: new Map([[Number(target.id), withViewerState(inner, authorState)]]) },
      )),
    );
    return { stored: await appendEvents(trx, ctx.store.dialect, events, now), entity };
  });
  countsChanged(ctx);
  await publishEvents(ctx, stored);
  await ctx.federation?.announce(viewerId, Number(target.id));
  return asSeenBy(ctx, entity, viewerId);
}

export async function unreblog(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  const mine = await findReblogId(ctx.store.db, viewerId, target);
  if (mine !== null) {
    const now = ctx.now();
    const stored = await ctx.store.db.transaction().execute(async (trx) => {
      await deleteReblog(trx, mine, viewerId, target);
      return appendEvents(
        trx,
        ctx.store.dialect,
        [
          {
            event: 'delete',
            payload: String(mine),
            accountId: viewerId,
            topics: [accountTopic(viewerId)],
          },
        ],
        now,
      );
    });
    countsChanged(ctx);
    await publishEvents(ctx, stored);
    await ctx.federation?.unannounce(viewerId, target);
  }
  return presentStatus(ctx, target, viewerId);
}
