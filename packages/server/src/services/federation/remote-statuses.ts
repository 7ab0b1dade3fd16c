import { HashchatError } from '@hashchat/core/errors';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { MAX_ATTACHMENTS } from '../../media/limits';
import { serializeStatus } from '../../present/status';
import { findAccountsByIds } from '../../store/accounts';
import { appendEvents, appendEventsAndCommit, type NewEvent } from '../../store/events';
import { deleteRemoteMedia, insertRemoteMedia, mediaForStatuses } from '../../store/media';
import { findStatusByUri, setStatusUri } from '../../store/remote-accounts';
import type { Database, MediaType, Visibility } from '../../store/schema';
import { updateEditedStatus } from '../../store/status-edits';
import {
  countReplyOnParent,
  countStatusOnAuthor,
  insertMentions,
  insertStatusRow,
  linkTags,
} from '../../store/status-writes';
import { findStatusById, statusTagsAndMentions } from '../../store/statuses';
import { indexStatusInRooms } from '../live/room-index';
import { roomUpdateEvents } from '../live/room-updates';
import { presentMedia } from '../media';
import { applyRoomGate, checkRoomGate } from '../moderation/gate';
import { addNotifications } from '../notifications';
import { publishEvents } from '../publish';
import { presentStatus } from '../status-views';
import { deleteStatus } from '../statuses';
import { countsChanged } from '../timeline-pages';
import { statusTopics } from '../visibility';
import { htmlToText, sanitizeRemoteHtml } from './sanitize-html';

/** A remote Note, read by the federation edge into what a status needs. */
export interface RemoteNote {
  uri: string;
  url: string | null;
  /** The note's HTML as sent (sanitized here). */
  html: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: Visibility;
  language: string | null;
  inReplyToId: number | null;
  /** Hashtag names as sent (`#Tag` or `Tag`). */
  tags: string[];
  /** Accounts here (local or known remote) the note mentions. */
  mentionIds: number[];
  publishedAt: number | null;
  /** Its images (and other media), linked where they are: at most 4, http(s) urls only. */
  attachments: RemoteAttachment[];
}

/** A remote attachment, linked: no file is fetched or kept here. */
export interface RemoteAttachment {
  url: string;
  type: MediaType;
  /** Its alt text (the Document's `name`). */
  description: string;
  /** Mastodon's `meta`: the original size when the note gives it. */
  meta: { original?: { width: number; height: number; size: string; aspect: number } };
  blurhash: string | null;
}

const MAX_REMOTE_HTML = 100_000;

/**
 * Stores a remote status like a local one: sanitized, its hashtags and mentions linked, counted,
 * its mentions notified, put in the rooms of live sessions it belongs to (classified, gated by the
 * room's bans, mutes, slow mode and filters) and published on the same topics. Once per URI.
 * A silenced server's public status is kept as unlisted: its followers here see it, the public
 * and hashtag timelines do not (read from the database or live, now and after an edit).
 */
export async function receiveRemoteStatus(
  ctx: Context,
  authorId: number,
  note: RemoteNote,
  origin: 'remote' | 'silenced' = 'remote',
): Promise<number | null> {
  const db = ctx.store.db;
  const known = await findStatusByUri(db, note.uri);
  if (known) return Number(known.id);
  const visibility = origin === 'silenced' && note.visibility === 'public' ? 'unlisted' : note.visibility;
  const content = sanitizeRemoteHtml(note.html.slice(0, MAX_REMOTE_HTML));
  const text = htmlToText(content);
  const tagNames = [...new Set(note.tags.map((t) => normalizeTag(t.replace(/^#/, ''))).filter(Boolean))];
  const parsedTags = tagNames.map((name) => ({ name, display: name }));
  const parent = note.inReplyToId !== null ? await findStatusById(db, note.inReplyToId) : undefined;
  let gate: Awaited<ReturnType<typeof checkRoomGate>>;
  try {
    gate = await checkRoomGate(ctx, authorId, { tags: tagNames, visibility, text });
  } catch (err) {
    // Banned from the room, or slowed: a remote post has no one to answer the error to.
    if (err instanceof HashchatError) {
      ctx.metrics.remoteStatuses.inc({ outcome: 'refused' });
      return null;
    }
    throw err;
  }
  const now = ctx.now();
  const createdAt = note.publishedAt !== null && note.publishedAt < now ? note.publishedAt : now;
  const result = await ctx.store.writeTransaction(async (trx) => {
    const inserted = await insertStatusRow(trx, {
      account_id: authorId,
      text,
      content,
      spoiler_text: note.spoilerText.slice(0, 1000),
      sensitive: note.sensitive ? 1 : 0,
      visibility,
      language: note.language,
      in_reply_to_id: parent ? Number(parent.id) : null,
      in_reply_to_account_id: parent ? Number(parent.account_id) : null,
      created_at: createdAt,
    });
    const id = Number(inserted.id);
    await setStatusUri(trx, id, note.uri, note.url);
    const row = { ...inserted, uri: note.uri, url: note.url };
    const tags = await linkTags(trx, ctx.store.tagIds, id, authorId, parsedTags, createdAt);
    const mentionIds = [...new Set(note.mentionIds)].filter((m) => m !== authorId).sort((a, b) => a - b);
    await insertMentions(trx, id, mentionIds);
    const author = await countStatusOnAuthor(trx, authorId, createdAt);
    if (!author) throw new Error(`remote author ${authorId} is gone`);
    const mentioned = [...(await findAccountsByIds(trx, mentionIds)).values()];
    const media = await insertRemoteMedia(trx, authorId, id, remoteMedia(note.attachments), now);
    const entity = serializeStatus(
      {
        row,
        account: author,
        tags,
        mentions: mentioned,
        favourited: false,
        reblogged: false,
        reblog: null,
        media: media.map((m) => presentMedia(ctx, m)),
      },
      ctx.config.publicUrl,
    );
    const events: NewEvent[] = [
      {
        event: 'update',
        payload: JSON.stringify(entity),
        accountId: authorId,
        topics: statusTopics(row, tagNames, mentionIds, origin),
      },
    ];
    events.push(...(await indexStatusInRooms(ctx, trx, { status: row, tagNames, entity })));
    const local = mentioned.filter((a) => a.domain === null).map((a) => Number(a.id));
    events.push(
      ...(await addNotifications(
        ctx,
        trx,
        local.map((m) => ({ accountId: m, fromAccountId: authorId, type: 'mention' as const, statusId: id })),
        { statuses: new Map([[id, entity]]), accounts: new Map([[authorId, author]]) },
      )),
    );
    const gated = await applyRoomGate(ctx, trx, { id, authorId, text }, gate, events);
    // As late as can be: the parent's row stays locked until commit (see createStatus).
    if (parent) await countReplyOnParent(trx, Number(parent.id));
    // Last: on PostgreSQL this commits, in the same round trip as the events (store/events.ts).
    return { id, tags, stored: await appendEventsAndCommit(trx, ctx.store.dialect, gated, now) };
  });
  ctx.store.tagIds.add(result.tags);
  ctx.metrics.remoteStatuses.inc({ outcome: 'stored' });
  if (parent) countsChanged(ctx);
  await publishEvents(ctx, result.stored);
  return result.id;
}

const remoteMedia = (attachments: RemoteAttachment[]) =>
  attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({
    remoteUrl: a.url,
    type: a.type,
    description: a.description,
    meta: a.meta,
    blurhash: a.blurhash,
  }));

/** A remote edit's attachments: the rows are replaced when what they link changed (they hold no files). */
async function replaceRemoteMedia(
  trx: Kysely<Database>,
  authorId: number,
  statusId: number,
  media: ReturnType<typeof remoteMedia>,
  now: number,
): Promise<void> {
  const current = ((await mediaForStatuses(trx, [statusId])).get(statusId) ?? []).map((m) => ({
    remoteUrl: m.remote_url,
    type: m.type,
    description: m.description,
    meta: JSON.parse(m.meta),
    blurhash: m.blurhash,
  }));
  if (JSON.stringify(current) === JSON.stringify(media)) return;
  await deleteRemoteMedia(trx, statusId);
  await insertRemoteMedia(trx, authorId, statusId, media, now);
}

/** A remote edit: new content for a status its author sent before; readers get `status.update`. */
export async function updateRemoteStatus(
  ctx: Context,
  authorId: number,
  uri: string,
  change: { html: string; spoilerText: string; sensitive: boolean; attachments: RemoteAttachment[] },
): Promise<boolean> {
  const db = ctx.store.db;
  const row = await findStatusByUri(db, uri);
  if (!row || Number(row.account_id) !== authorId) return false;
  const content = sanitizeRemoteHtml(change.html.slice(0, MAX_REMOTE_HTML));
  const now = ctx.now();
  const id = Number(row.id);
  const stored = await db.transaction().execute(async (trx) => {
    await updateEditedStatus(trx, id, {
      content,
      text: htmlToText(content),
      spoiler_text: change.spoilerText.slice(0, 1000),
      sensitive: change.sensitive ? 1 : 0,
      language: row.language,
      edited_at: now,
    });
    await replaceRemoteMedia(trx, authorId, id, remoteMedia(change.attachments), now);
    const entity = await presentStatus(ctx, id, null, trx);
    if (!entity) return [];
    const { tagNames, mentionIds } = await statusTagsAndMentions(trx, id);
    return appendEvents(
      trx,
      ctx.store.dialect,
      [
        {
          event: 'status.update',
          payload: JSON.stringify(entity),
          accountId: authorId,
          topics: statusTopics(row, tagNames, mentionIds, 'remote'),
        },
        // The rooms it is in hear of it too, as of a local edit.
        ...(await roomUpdateEvents(trx, id, entity)),
      ],
      now,
    );
  });
  await publishEvents(ctx, stored);
  return true;
}

/** A remote Delete: the status goes, as when a local author deletes theirs. */
export async function deleteRemoteStatus(ctx: Context, authorId: number, uri: string): Promise<boolean> {
  const row = await findStatusByUri(ctx.store.db, uri);
  if (!row || Number(row.account_id) !== authorId) return false;
  await deleteStatus(ctx, authorId, Number(row.id));
  return true;
}
