import { accountTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import { sql } from 'kysely';
import type { Context } from '../context';
import { appendEvents, type NewEvent } from '../store/events';
import { addNotifications } from './notifications';
import { publishEvents } from './publish';
import { presentStatus } from './status-views';
import { loadVisibleStatus, statusTopics } from './visibility';

/** Favourites a status (idempotent) and notifies its author. */
export async function favourite(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('favourites')
      .values({ account_id: viewerId, status_id: target, created_at: ctx.now() })
      .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return [];
    await trx
      .updateTable('statuses')
      .set({ favourites_count: sql`favourites_count + 1` })
      .where('id', '=', target)
      .execute();
    const author = await trx
      .selectFrom('statuses')
      .select('account_id')
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    const events = await addNotifications(ctx, trx, [
      { accountId: Number(author.account_id), fromAccountId: viewerId, type: 'favourite', statusId: target },
    ]);
    return appendEvents(trx, ctx.store.dialect, events, ctx.now());
  });
  await publishEvents(ctx, stored);
  return presentStatus(ctx, target, viewerId);
}

export async function unfavourite(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  await ctx.store.db.transaction().execute(async (trx) => {
    const del = await trx
      .deleteFrom('favourites')
      .where('account_id', '=', viewerId)
      .where('status_id', '=', target)
      .executeTakeFirst();
    if (Number(del.numDeletedRows) > 0) {
      await trx
        .updateTable('statuses')
        .set({ favourites_count: sql`CASE WHEN favourites_count > 0 THEN favourites_count - 1 ELSE 0 END` })
        .where('id', '=', target)
        .execute();
      await trx
        .deleteFrom('notifications')
        .where('type', '=', 'favourite')
        .where('status_id', '=', target)
        .where('from_account_id', '=', viewerId)
        .execute();
    }
  });
  return presentStatus(ctx, target, viewerId);
}

/** Reblogs (reposts) a public or unlisted status; returns the reblog wrapper like Mastodon. */
export async function reblog(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target =
    row.reblog_of_id !== null ? await loadVisibleStatus(ctx, viewerId, Number(row.reblog_of_id)) : row;
  if (target.visibility === 'private' || target.visibility === 'direct') throw notFound();
  const now = ctx.now();
  const existing = await ctx.store.db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', viewerId)
    .where('reblog_of_id', '=', target.id)
    .executeTakeFirst();
  if (existing) return presentStatus(ctx, Number(existing.id), viewerId);
  const { stored, reblogId } = await ctx.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('statuses')
      .values({
        account_id: viewerId,
        text: '',
        content: '',
        spoiler_text: '',
        sensitive: 0,
        visibility: 'public',
        language: null,
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        reblog_of_id: target.id,
        created_at: now,
        edited_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('statuses')
      .set({ reblogs_count: sql`reblogs_count + 1` })
      .where('id', '=', target.id)
      .execute();
    await trx
      .updateTable('accounts')
      .set({ statuses_count: sql`statuses_count + 1`, last_status_at: now })
      .where('id', '=', viewerId)
      .execute();
    const entity = await presentStatus(ctx, Number(r.id), null, trx);
    const events: NewEvent[] = entity
      ? [
          {
            event: 'update',
            payload: JSON.stringify(entity),
            accountId: viewerId,
            topics: statusTopics(r, [], []),
          },
        ]
      : [];
    events.push(
      ...(await addNotifications(ctx, trx, [
        {
          accountId: Number(target.account_id),
          fromAccountId: viewerId,
          type: 'reblog',
          statusId: Number(target.id),
        },
      ])),
    );
    return { stored: await appendEvents(trx, ctx.store.dialect, events, now), reblogId: Number(r.id) };
  });
  await publishEvents(ctx, stored);
  return presentStatus(ctx, reblogId, viewerId);
}

export async function unreblog(ctx: Context, viewerId: number, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  const mine = await ctx.store.db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', viewerId)
    .where('reblog_of_id', '=', target)
    .executeTakeFirst();
  if (mine) {
    const now = ctx.now();
    const stored = await ctx.store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('statuses').where('id', '=', mine.id).execute();
      await trx
        .updateTable('statuses')
        .set({ reblogs_count: sql`CASE WHEN reblogs_count > 0 THEN reblogs_count - 1 ELSE 0 END` })
        .where('id', '=', target)
        .execute();
      await trx
        .updateTable('accounts')
        .set({ statuses_count: sql`CASE WHEN statuses_count > 0 THEN statuses_count - 1 ELSE 0 END` })
        .where('id', '=', viewerId)
        .execute();
      await trx
        .deleteFrom('notifications')
        .where('type', '=', 'reblog')
        .where('status_id', '=', target)
        .where('from_account_id', '=', viewerId)
        .execute();
      return appendEvents(
        trx,
        ctx.store.dialect,
        [
          {
            event: 'delete',
            payload: String(mine.id),
            accountId: viewerId,
            topics: [accountTopic(viewerId)],
          },
        ],
        now,
      );
    });
    await publishEvents(ctx, stored);
  }
  return presentStatus(ctx, target, viewerId);
}
