import { userTopic } from '@hashchat/api/topics';
import { HashchatError, notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import { serializeAccount } from '../present/account';
import { presentPoll } from '../present/poll';
import type { StatusEntity } from '../present/status';
import { findAccountById } from '../store/accounts';
import { appendEvents, type NewEvent } from '../store/events';
import {
  deleteMediaRows,
  findStatusMedia,
  type MediaRow,
  mediaForStatuses,
  mediaKeys,
  placeStatusMedia,
  updateStatusMedia,
} from '../store/media';
import { findHold, putHold, setRoomState } from '../store/moderation';
import { type PollView, pollsForStatuses } from '../store/polls';
import type { Database } from '../store/schema';
import {
  deletePollOfStatus,
  insertStatusEdits,
  listStatusEdits,
  type NewStatusEdit,
  unlinkTagsAndMentions,
  updateEditedStatus,
} from '../store/status-edits';
import { statusTopicParts } from '../store/status-topic-parts';
import { insertMentions, linkTags } from '../store/status-writes';
import { reblogsOf, type StatusRow } from '../store/statuses';
import { roomDeleteEvents } from './live/room-index';
import { roomUpdateEvents } from './live/room-updates';
import { presentMedia, scheduleFileRemoval } from './media';
import { checkRoomGate } from './moderation/gate';
import { addNotifications } from './notifications';
import { addPoll, type NewPoll } from './polls';
import { publishEvents } from './publish';
import { readStatusText } from './status-text';
import { asSeenBy, hydrateStatuses, presentForEveryone } from './status-views';
import { attachableMedia } from './statuses';
import { loadVisibleStatus, statusTopics } from './visibility';

/** What PUT /api/v1/statuses/:id may change (`language` undefined: keep it). */
export interface StatusEdit {
  status: string;
  spoilerText: string;
  sensitive: boolean;
  language: string | null | undefined;
  /** Null removes the poll, as in Mastodon; the same options keep its votes. */
  poll: NewPoll | null;
  /** The images after the edit, in order: kept, added (the author's own uploads) or, when left out, removed. Undefined: keep them. */
  mediaIds?: number[];
  /** New alt text or focus for images the edit keeps or adds. */
  mediaAttributes?: { id: number; description?: string; focus?: { x: number; y: number } }[];
}

const samePoll = (old: PollView | null, next: NewPoll | null) =>
  old !== null &&
  next !== null &&
  Boolean(old.poll.multiple) === next.multiple &&
  old.options.length === next.options.length &&
  old.options.every((o, i) => o.title === next.options[i]);

const snapshot = (
  s: Pick<StatusRow, 'id' | 'account_id' | 'text' | 'content' | 'spoiler_text' | 'sensitive'>,
  pollOptions: string[] | null,
  media: MediaRow[],
  at: number,
): NewStatusEdit => ({
  status_id: s.id,
  account_id: s.account_id,
  text: s.text,
  content: s.content,
  spoiler_text: s.spoiler_text,
  sensitive: s.sensitive,
  poll_options: pollOptions ? JSON.stringify(pollOptions) : null,
  media_attachments: media.length > 0 ? JSON.stringify(media) : null,
  created_at: at,
});

/**
 * Edits the author's own status: its text is read again (hashtags, mentions), each version is
 * kept for its history, and the new one goes out as `status.update` on every stream the status
 * was on before the edit or is on after it (its rooms included). Returns it as the author sees it.
 */
export async function editStatus(
  ctx: Context,
  authorId: number,
  id: number,
  edit: StatusEdit,
): Promise<StatusEntity | null> {
  const db = ctx.store.db;
  const row = await loadVisibleStatus(ctx, authorId, id);
  if (Number(row.account_id) !== authorId || row.reblog_of_id !== null)
    throw new HashchatError('Forbidden', 'This action is not allowed');
  const current = await findStatusMedia(db, id);
  const currentIds = new Set(current.map((m) => Number(m.id)));
  const mediaIds = edit.mediaIds === undefined ? null : [...new Set(edit.mediaIds)];
  // Checked before anything is written: at most 4, and each new one the author's own, processed upload.
  if (mediaIds)
    await attachableMedia(
      ctx,
      { accountId: authorId },
      mediaIds.filter((m) => !currentIds.has(m)),
      mediaIds.length,
    );
  const finalIds =
    mediaIds ?? [...current].sort((a, b) => Number(a.position) - Number(b.position)).map((m) => Number(m.id));
  const { parsed, mentioned, content } = await readStatusText(ctx, edit.status, {
    allowBlank: finalIds.length > 0,
  });
  // The room's rules apply to the new text as to a new post: a ban refuses it, a word filter
  // (or a mute) holds it for review.
  const gate = await checkRoomGate(
    ctx,
    authorId,
    { tags: parsed.tags.map((t) => t.name), visibility: row.visibility, text: edit.status },
    { slowMode: false },
  );
  const now = ctx.now();
  // Read before the transaction: what the edit keeps (author, images, poll) is presented from these.
  const [before, hydrated, history, heldAlready] = await Promise.all([
    statusTopicParts(db, id),
    hydrateStatuses(ctx, [id], null).then((h) => h.statuses.get(id)),
    listStatusEdits(db, id),
    findHold(db, id),
  ]);
  if (!hydrated) throw notFound();
  const oldPoll = hydrated.poll;
  const next = {
    text: edit.status,
    content,
    spoiler_text: edit.spoilerText,
    sensitive: edit.sensitive ? 1 : 0,
    language: edit.language === undefined ? row.language : edit.language,
    edited_at: now,
  };
  const mentionIds = mentioned.map((a) => Number(a.id));
  const result = await ctx.store.writeTransaction(async (trx) => {
    const media = await editMedia(trx, id, authorId, current, finalIds, edit.mediaAttributes ?? [], now);
    // The first edit keeps the original as the history's first version, as Mastodon does.
    const ordered = [...current].sort((a, b) => Number(a.position) - Number(b.position));
    const versions: NewStatusEdit[] =
      history.length === 0
        ? [snapshot(row, oldPoll?.options.map((o) => o.title) ?? null, ordered, Number(row.created_at))]
        : [];
    versions.push(snapshot({ ...row, ...next }, edit.poll?.options ?? null, media, now));
    await insertStatusEdits(trx, versions);
    const updated = await updateEditedStatus(trx, id, next);
    if (!updated) return null;
    await unlinkTagsAndMentions(trx, id);
    const tags = await linkTags(trx, ctx.store.tagIds, id, authorId, parsed.tags, Number(row.created_at));
    await insertMentions(trx, id, mentionIds);
    let poll = oldPoll ? presentPoll(oldPoll, now, false) : null;
    if (!samePoll(oldPoll, edit.poll)) {
      if (oldPoll) await deletePollOfStatus(trx, id);
      poll = edit.poll ? await addPoll(trx, id, authorId, edit.poll, now) : null;
    }
    // Presented once, from the rows in hand and those just written; no read-back.
    const entity = presentForEveryone(
      ctx,
      {
        ...hydrated,
        row: updated,
        tags,
        mentions: [...mentioned].sort((a, b) => Number(a.id) - Number(b.id)),
        media: media.map((m) => presentMedia(ctx, m)),
      },
      null,
      poll,
    );
    const topics = new Set([
      ...statusTopics(row, before.tagNames, before.mentionIds),
      ...statusTopics(
        row,
        parsed.tags.map((t) => t.name),
        mentionIds,
      ),
    ]);
    const payload = JSON.stringify(entity);
    let events: NewEvent[];
    if (heldAlready) {
      // Others do not see it: the author alone hears of the edit.
      events = [{ event: 'status.update', payload, accountId: authorId, topics: [userTopic(authorId)] }];
    } else if (gate.hold) {
      // Held by this edit: it leaves every stream it was on until a moderator lets it back.
      const leaving = await roomDeleteEvents(trx, id);
      await putHold(trx, { statusId: id, accountId: authorId, ...gate.hold }, now);
      await setRoomState(trx, id, gate.hold.state);
      events = [
        { event: 'status.update', payload, accountId: authorId, topics: [userTopic(authorId)] },
        { event: 'delete', payload: String(id), accountId: authorId, topics: [...topics] },
        ...leaving,
      ];
    } else {
      // Those who boosted it hear that what they shared changed (Mastodon's `update` notification).
      const boosters = await reblogsOf(trx, id);
      events = [
        { event: 'status.update', payload, accountId: authorId, topics: [...topics] },
        ...(await roomUpdateEvents(trx, id, entity)),
        ...(await addNotifications(
          ctx,
          trx,
          [...new Set(boosters.map((r) => Number(r.account_id)))].map((accountId) => ({
            accountId,
            fromAccountId: authorId,
            type: 'update' as const,
            statusId: id,
          })),
        )),
      ];
    }
    return { stored: await appendEvents(trx, ctx.store.dialect, events, now), tags, entity };
  });
  if (!result) return null;
  ctx.store.tagIds.add(result.tags);
  await publishEvents(ctx, result.stored);
  return asSeenBy(ctx, result.entity, authorId);
}

/**
 * Inside the edit's transaction: gives the status the images `ids`, in order (kept ones move,
 * new ones are taken), applies the edit's alt texts and focuses, and lets go of the rest: their
 * rows go and their files are removed by the media jobs. Returns the images as they now are.
 */
async function editMedia(
  trx: Kysely<Database>,
  statusId: number,
  authorId: number,
  current: MediaRow[],
  ids: number[],
  attributes: NonNullable<StatusEdit['mediaAttributes']>,
  now: number,
): Promise<MediaRow[]> {
  // Someone else's upload, or one taken meanwhile: nothing of the edit is kept.
  if ((await placeStatusMedia(trx, { accountId: authorId }, statusId, ids)) !== ids.length) throw notFound();
  const removed = current.filter((m) => !ids.includes(Number(m.id)));
  await deleteMediaRows(
    trx,
    removed.map((m) => Number(m.id)),
  );
  await scheduleFileRemoval(trx, removed.flatMap(mediaKeys), now);
  for (const a of attributes)
    if (ids.includes(a.id))
      await updateStatusMedia(trx, statusId, a.id, {
        description: a.description,
        focusX: a.focus?.x,
        focusY: a.focus?.y,
      });
  const rows = (await mediaForStatuses(trx, [statusId])).get(statusId) ?? [];
  return rows;
}

/** Mastodon's StatusEdit list: every version, oldest first; one (the status as it is) if never edited. */
export async function statusHistory(ctx: Context, viewerId: number | null, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  const [edits, author, poll] = await Promise.all([
    listStatusEdits(ctx.store.db, id),
    findAccountById(ctx.store.db, Number(row.account_id)),
    pollsForStatuses(ctx.store.db, [id], null).then((m) => m.get(id) ?? null),
  ]);
  if (!author) return [];
  const account = serializeAccount(author, ctx.config.publicUrl);
  const versions =
    edits.length > 0
      ? edits.map((e) => ({
          ...e,
          options: e.poll_options === null ? null : (JSON.parse(e.poll_options) as string[]),
          media: e.media_attachments === null ? [] : (JSON.parse(e.media_attachments) as MediaRow[]),
        }))
      : [
          {
            ...row,
            options: poll ? poll.options.map((o) => o.title) : null,
            media: (await mediaForStatuses(ctx.store.db, [id])).get(id) ?? [],
          },
        ];
  return versions.map((v) => ({
    content: v.content,
    spoiler_text: v.spoiler_text,
    sensitive: Boolean(v.sensitive),
    created_at: new Date(Number(v.created_at)).toISOString(),
    account,
    poll: v.options === null ? null : { options: v.options.map((title) => ({ title })) },
    media_attachments: v.media.map((m) => presentMedia(ctx, m)),
    emojis: [],
  }));
}

/** Mastodon's StatusSource: the plain text to edit. */
export async function statusSource(ctx: Context, viewerId: number | null, id: number) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
  return { id: String(row.id), text: row.text, spoiler_text: row.spoiler_text };
}
