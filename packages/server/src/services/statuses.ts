import { accountTopic } from '@hashchat/api/topics';
import { HashchatError, notFound } from '@hashchat/core/errors';
import { sql } from 'kysely';
import type { Context } from '../context';
import { serializeStatus } from '../http/serializers/status';
import { appendEvents, type NewEvent } from '../store/events';
import { notifiedFollowerIds } from '../store/follows';
import type { Visibility } from '../store/schema';
import { countStatusOnAuthor, insertMentions, insertStatusRow, linkTags } from '../store/status-writes';
import { findStatusById, type StatusRow } from '../store/statuses';
import { isUniqueViolation } from '../store/unique-violation';
import { indexStatusInRooms, type RoomHint, roomDeleteEvents } from './live/room-index';
import { applyRoomGate, checkRoomGate } from './moderation/gate';
import { addNotifications } from './notifications';
import { addPoll, type NewPoll } from './polls';
import { publishEvents } from './publish';
import { readStatusText } from './status-text';
import { presentStatus } from './status-views';
import { canSeeStatus, loadVisibleStatus, statusTopics } from './visibility';

export interface NewStatus {
  status: string;
  inReplyToId: number | null;
  visibility: Visibility;
  language: string | null;
  spoilerText: string;
  sensitive: boolean;
  poll?: NewPoll | null;
}

/** Idempotency keys are honoured for an hour, like Mastodon. */
const IDEMPOTENCY_MS = 60 * 60 * 1000;

/**
 * Creates a status: parse, resolve, one transaction (status, tags, mentions, counters,
 * notifications, outbox events), then publish. Returns the Status entity as a JSON string,
 * serialized once and shared by the response and every stream.
 */
export async function createStatus(
  ctx: Context,
  authorId: number,
  input: NewStatus,
  idempotencyKey: string | null,
  room: RoomHint = {},
): Promise<{ json: string; id: number; created: boolean }> {
  const db = ctx.store.db;
  const now = ctx.now();
  if (idempotencyKey) {
    const existing = await findIdempotent(ctx, authorId, idempotencyKey, now);
    if (existing) return existing;
    // An expired key may be used again: drop its old row, or the insert below would collide.
    await db
      .deleteFrom('idempotency_keys')
      .where('account_id', '=', authorId)
      .where('key', '=', idempotencyKey)
      .where('created_at', '<=', now - IDEMPOTENCY_MS)
      .execute();
  }
  const text = input.status;
  const { parsed, mentioned, content } = await readStatusText(ctx, text);

  let parent: StatusRow | undefined;
  if (input.inReplyToId !== null) {
    parent = await findStatusById(db, input.inReplyToId);
    if (!parent || parent.reblog_of_id !== null || !(await canSeeStatus(db, parent, authorId))) {
      throw notFound();
    }
  }

  // The room's rules (bans, slow mode) reject before anything is written; mutes and filters hold.
  const gate = await checkRoomGate(ctx, authorId, {
    tags: parsed.tags.map((t) => t.name),
    visibility: input.visibility,
    text,
  });

  const result = await ctx.store
    .writeTransaction(async (trx) => {
      const row = await insertStatusRow(trx, {
        account_id: authorId,
        text,
        content,
        spoiler_text: input.spoilerText,
        sensitive: input.sensitive ? 1 : 0,
        visibility: input.visibility,
        language: input.language,
        in_reply_to_id: parent ? parent.id : null,
        in_reply_to_account_id: parent ? parent.account_id : null,
        created_at: now,
      });
      const id = Number(row.id);
      const poll = input.poll ? await addPoll(trx, id, authorId, input.poll, now) : null;
      const tags = await linkTags(trx, ctx.store.tagIds, id, authorId, parsed.tags, now);
      const tagNames = parsed.tags.map((t) => t.name);
      // Ascending ids: the order the mentions are read back in (their primary key).
      const mentionedById = [...mentioned].sort((a, b) => Number(a.id) - Number(b.id));
      const mentionIds = mentioned.map((a) => Number(a.id));
      await insertMentions(trx, id, mentionIds);
      const author = await countStatusOnAuthor(trx, authorId, now);
      if (!author) throw notFound();
      if (parent) {
        await trx
          .updateTable('statuses')
          .set({ replies_count: sql`replies_count + 1` })
          .where('id', '=', parent.id)
          .execute();
      }
      if (idempotencyKey) {
        await trx
          .insertInto('idempotency_keys')
          .values({ account_id: authorId, key: idempotencyKey, status_id: id, created_at: now })
          .execute();
      }
      // Presented from the rows in hand, not read back: a new status has no viewer state yet.
      const entity = serializeStatus(
        {
          row,
          account: author,
          tags,
          mentions: mentionedById,
          favourited: false,
          reblogged: false,
          reblog: null,
          poll,
        },
        ctx.config.publicUrl,
      );
      const json = JSON.stringify(entity);
      const events: NewEvent[] = [
        {
          event: 'update',
          payload: json,
          accountId: authorId,
          topics: statusTopics(row, tagNames, mentionIds),
        },
      ];
      events.push(...(await indexStatusInRooms(ctx, trx, { status: row, tagNames, entity, ...room })));
      // Followers who asked (`notify`) hear of a post, not of a reply to someone else or a direct
      // message, as in Mastodon; a mentioned one gets the mention only.
      const subscribed =
        input.visibility !== 'direct' && (!parent || Number(parent.account_id) === authorId)
          ? (await notifiedFollowerIds(trx, authorId)).filter((f) => !mentionIds.includes(f))
          : [];
      events.push(
        ...(await addNotifications(
          ctx,
          trx,
          [
            ...mentionIds.map((m) => ({ accountId: m, type: 'mention' as const })),
            ...subscribed.map((f) => ({ accountId: f, type: 'status' as const })),
          ].map((n) => ({ ...n, fromAccountId: authorId, statusId: id })),
          { statuses: new Map([[id, entity]]), accounts: new Map([[authorId, author]]) },
        )),
      );
      const gated = await applyRoomGate(ctx, trx, { id, authorId, text }, gate, events);
      const stored = await appendEvents(trx, ctx.store.dialect, gated, now);
      return { json, id, stored, tags, created: true };
    })
    .catch(async (err) => {
      // Two requests with one Idempotency-Key: the loser returns the winner's status.
      if (idempotencyKey && isUniqueViolation(err)) {
        const existing = await findIdempotent(ctx, authorId, idempotencyKey, now);
        if (existing) return { ...existing, stored: [], tags: [] };
      }
      throw err;
    });
  if (!result.created) return { json: result.json, id: result.id, created: false };
  ctx.store.tagIds.add(result.tags);
  ctx.metrics.statusesCreated.inc();
  await publishEvents(ctx, result.stored);
  return { json: result.json, id: result.id, created: true };
}

async function findIdempotent(ctx: Context, accountId: number, key: string, now: number) {
  const hit = await ctx.store.db
    .selectFrom('idempotency_keys')
    .select('status_id')
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .where('created_at', '>', now - IDEMPOTENCY_MS)
    .executeTakeFirst();
  if (!hit) return null;
  const entity = await presentStatus(ctx, Number(hit.status_id), accountId);
  if (!entity) return null;
  return { json: JSON.stringify(entity), id: Number(hit.status_id), created: false };
}

/** Deletes the viewer's own status; readers get a `delete` event. Returns the entity with `text` for redrafting. */
export async function deleteStatus(ctx: Context, viewerId: number, id: number) {
  const db = ctx.store.db;
  const row = await loadVisibleStatus(ctx, viewerId, id);
  if (Number(row.account_id) !== viewerId) throw new HashchatError('Forbidden', 'This action is not allowed');
  const entity = await presentStatus(ctx, id, viewerId);
  const now = ctx.now();
  const stored = await db.transaction().execute(async (trx) => {
    const tags = await trx
      .selectFrom('status_tags as st')
      .innerJoin('tags as t', 't.id', 'st.tag_id')
      .select('t.name')
      .where('st.status_id', '=', id)
      .execute();
    const mentions = await trx
      .selectFrom('mentions')
      .select('account_id')
      .where('status_id', '=', id)
      .execute();
    // Reblogs of it go with it, as in Mastodon.
    const reblogs = await trx
      .selectFrom('statuses')
      .select(['id', 'account_id'])
      .where('reblog_of_id', '=', id)
      .execute();
    const roomDeletes = await roomDeleteEvents(trx, id);
    await trx.deleteFrom('statuses').where('reblog_of_id', '=', id).execute();
    await trx.deleteFrom('statuses').where('id', '=', id).execute();
    await trx.deleteFrom('notifications').where('status_id', '=', id).execute();
    // Its Idempotency-Key is free again: a redraft posted with the same key is a new status.
    await trx.deleteFrom('idempotency_keys').where('status_id', '=', id).execute();
    await trx
      .updateTable('accounts')
      .set({ statuses_count: sql`CASE WHEN statuses_count > 0 THEN statuses_count - 1 ELSE 0 END` })
      .where('id', '=', row.account_id)
      .execute();
    if (row.in_reply_to_id !== null) {
      await trx
        .updateTable('statuses')
        .set({ replies_count: sql`CASE WHEN replies_count > 0 THEN replies_count - 1 ELSE 0 END` })
        .where('id', '=', row.in_reply_to_id)
        .execute();
    }
    if (row.reblog_of_id !== null) {
      await trx
        .updateTable('statuses')
        .set({ reblogs_count: sql`CASE WHEN reblogs_count > 0 THEN reblogs_count - 1 ELSE 0 END` })
        .where('id', '=', row.reblog_of_id)
        .execute();
    }
    const topics = statusTopics(
      row,
      tags.map((t) => t.name),
      mentions.map((m) => Number(m.account_id)),
    );
    const events: NewEvent[] = [
      { event: 'delete', payload: String(id), accountId: Number(row.account_id), topics },
      ...roomDeletes,
    ];
    for (const r of reblogs) {
      await trx
        .updateTable('accounts')
        .set({ statuses_count: sql`CASE WHEN statuses_count > 0 THEN statuses_count - 1 ELSE 0 END` })
        .where('id', '=', r.account_id)
        .execute();
      events.push({
        event: 'delete',
        payload: String(r.id),
        accountId: Number(r.account_id),
        topics: [accountTopic(r.account_id)],
      });
    }
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  await publishEvents(ctx, stored);
  return entity ? { ...entity, text: row.text } : null;
}
