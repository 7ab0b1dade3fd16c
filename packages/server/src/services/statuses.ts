import { validationFailed } from '@hashchat/api/requests/validation';
import { accountTopic } from '@hashchat/api/topics';
import { HashchatError, notFound } from '@hashchat/core/errors';
import type { Context } from '../context';
import { MAX_ATTACHMENTS } from '../media/limits';
import { serializeStatus } from '../present/status';
import { unfileStatus } from '../store/conversations';
import { appendEvents, appendEventsAndCommit, type NewEvent } from '../store/events';
import {
  deleteExpiredIdempotencyKey,
  findIdempotentStatusId,
  insertIdempotencyKey,
} from '../store/idempotency-keys';
import { attachMedia, findAttachableMedia, type MediaHolder, type MediaRow } from '../store/media';
import type { Visibility } from '../store/schema';
import {
  countReplyOnParent,
  deleteStatusRows,
  resolveTags,
  statusLinks,
  writeStatus,
} from '../store/status-writes';
import { findStatusById, type StatusRow } from '../store/statuses';
import { isUniqueViolation } from '../store/unique-violation';
import { fileDirectStatus } from './conversations';
import { indexStatusInRooms, type RoomHint, roomDeleteEvents } from './live/room-index';
import { detachStatusMedia, presentMedia, processMedia } from './media';
import { applyRoomGate, checkRoomGate } from './moderation/gate';
import { addNotifications } from './notifications';
import { addPoll, type NewPoll } from './polls';
import { publishEvents } from './publish';
import { readStatusText } from './status-text';
import { presentStatus } from './status-views';
import { countsChanged } from './timeline-pages';
import { canSeeStatus, loadVisibleStatus, statusTopics } from './visibility';

export interface NewStatus {
  status: string;
  inReplyToId: number | null;
  visibility: Visibility;
  language: string | null;
  spoilerText: string;
  sensitive: boolean;
  /** Uploads to attach, in order (the caller's own, processed, unattached). */
  mediaIds?: number[];
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
    await deleteExpiredIdempotencyKey(db, authorId, idempotencyKey, now - IDEMPOTENCY_MS);
  }
  const text = input.status;
  const mediaIds = [...new Set(input.mediaIds ?? [])];
  // An agenda question's image is the question's, whichever host uploaded it.
  const holder: MediaHolder = room.agenda ? { questionId: room.agenda.questionId } : { accountId: authorId };
  const media = await attachableMedia(ctx, holder, mediaIds);
  // A status may be images alone, as in Mastodon.
  const { parsed, mentioned, content } = await readStatusText(ctx, text, { allowBlank: mediaIds.length > 0 });

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
      const mentionIds = mentioned.map((a) => Number(a.id));
      // Found or made first: the status, its links and its author's counter are then one statement
      // on PostgreSQL (store/status-writes.ts).
      const tags = await resolveTags(trx, ctx.store.tagIds, parsed.tags, now);
      // Followers who asked (`notify`) hear of a post, not of a reply to someone else or a direct
      // message, as in Mastodon; a mentioned one gets the mention only.
      const { row, author, notified } = await writeStatus(
        trx,
        ctx.store.dialect,
        {
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
        },
        {
          tags,
          mentionIds,
          notifyFollowers:
            input.visibility !== 'direct' && (!parent || Number(parent.account_id) === authorId),
        },
      );
      if (!author) throw notFound();
      const id = Number(row.id);
      if ((await attachMedia(trx, holder, id, mediaIds)) !== mediaIds.length) throw notFound();
      const poll = input.poll ? await addPoll(trx, id, authorId, input.poll, now) : null;
      const tagNames = parsed.tags.map((t) => t.name);
      // Ascending ids: the order the mentions are read back in (their primary key).
      const mentionedById = [...mentioned].sort((a, b) => Number(a.id) - Number(b.id));
      const subscribed = notified.filter((f) => !mentionIds.includes(f));
      if (idempotencyKey) {
        await insertIdempotencyKey(trx, {
          account_id: authorId,
          key: idempotencyKey,
          status_id: id,
          created_at: now,
        });
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
          media: media.map((m) => presentMedia(ctx, m)),
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
      // A direct status joins the conversation of each account in it.
      if (input.visibility === 'direct')
        events.push(...(await fileDirectStatus(ctx, trx, { id, authorId, mentionIds, entity })));
      const gated = await applyRoomGate(ctx, trx, { id, authorId, text }, gate, events);
      // As late as can be: the parent's row stays locked until commit, and every other reply to
      // it (all of a question's answers) waits for that.
      if (parent) await countReplyOnParent(trx, parent.id);
      // Last: on PostgreSQL this commits, in the same round trip as the events (store/events.ts).
      const stored = await appendEventsAndCommit(trx, ctx.store.dialect, gated, now);
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
  if (parent) countsChanged(ctx);
  await publishEvents(ctx, result.stored);
  return { json: result.json, id: result.id, created: true };
}

/**
 * The uploads `ids` names, checked: the caller's own, unattached and processed (now, if need be),
 * at most 4 on the status (`total`: with those an edit keeps).
 */
export async function attachableMedia(
  ctx: Context,
  holder: MediaHolder,
  ids: number[],
  total = ids.length,
): Promise<MediaRow[]> {
  if (total > MAX_ATTACHMENTS) throw validationFailed(`A status may have at most ${MAX_ATTACHMENTS} images`);
  let rows = await findAttachableMedia(ctx.store.db, holder, ids);
  // Someone else's upload, or one already attached, is not there for this caller.
  if (rows.length !== ids.length) throw notFound();
  // Apps written against Mastodon, which processes an image during its upload, post right after
  // uploading (megalodon's uploadMedia then postStatus): an image still waiting for the job
  // runner is processed now, as the job would (the first to record it wins), not refused.
  const waiting = rows.filter((r) => r.state === 'processing');
  if (waiting.length > 0) {
    for (const r of waiting) await processMedia(ctx, Number(r.id));
    rows = await findAttachableMedia(ctx.store.db, holder, ids);
  }
  if (rows.length !== ids.length || rows.some((r) => r.state !== 'ready'))
    throw validationFailed('File could not be processed');
  return rows;
}

async function findIdempotent(ctx: Context, accountId: number, key: string, now: number) {
  const statusId = await findIdempotentStatusId(ctx.store.db, accountId, key, now - IDEMPOTENCY_MS);
  if (statusId === null) return null;
  const entity = await presentStatus(ctx, statusId, accountId);
  if (!entity) return null;
  return { json: JSON.stringify(entity), id: statusId, created: false };
}

/** Deletes the viewer's own status; readers get a `delete` event. Returns the entity with `text` for redrafting. */
export async function deleteStatus(ctx: Context, viewerId: number, id: number) {
  const db = ctx.store.db;
  const row = await loadVisibleStatus(ctx, viewerId, id);
  if (Number(row.account_id) !== viewerId) throw new HashchatError('Forbidden', 'This action is not allowed');
  const entity = await presentStatus(ctx, id, viewerId);
  const now = ctx.now();
  const stored = await db.transaction().execute(async (trx) => {
    const { tagNames, mentionIds, reblogs } = await statusLinks(trx, id);
    const roomDeletes = await roomDeleteEvents(trx, id);
    await detachStatusMedia(trx, id, now);
    await unfileStatus(trx, id);
    await deleteStatusRows(trx, row, reblogs);
    const topics = statusTopics(row, tagNames, mentionIds);
    const events: NewEvent[] = [
      { event: 'delete', payload: String(id), accountId: Number(row.account_id), topics },
      ...roomDeletes,
    ];
    for (const r of reblogs) {
      events.push({
        event: 'delete',
        payload: String(r.id),
        accountId: Number(r.account_id),
        topics: [accountTopic(r.account_id)],
      });
    }
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  // Its parent's replies, or the status it boosts.
  countsChanged(ctx);
  await publishEvents(ctx, stored);
  return entity ? { ...entity, text: row.text } : null;
}
