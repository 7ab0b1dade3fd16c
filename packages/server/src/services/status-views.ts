import type { Kysely } from 'kysely';
import type { Context } from '../context';
import { mediaStorage } from '../media/media-storage';
import { accountEntities } from '../present/account';
import { presentMediaAttachment } from '../present/media-attachment';
import { presentPoll } from '../present/poll';
import { type StatusEntity, serializeStatus } from '../present/status';
import { findAccountViewsByIds } from '../store/accounts';
import { mediaForStatuses } from '../store/media';
import { pollsForStatuses } from '../store/polls';
import type { Database } from '../store/schema';
import {
  findStatusViewsByIds,
  mentionsForStatuses,
  type StatusViewRow,
  tagsForStatuses,
  viewerStateForStatuses,
} from '../store/statuses';
import { visibleStatusIds } from './visibility';

/**
 * The read pipeline's hydrate + present steps: status ids in, Status entities out, in the
 * same order, with whatever is missing (deleted meanwhile) left out.
 */
export async function presentStatuses(
  ctx: Context,
  ids: number[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<StatusEntity[]> {
  const rows = await findStatusViewsByIds(db, ids);
  const reblogIds = [...rows.values()]
    .map((r) => r.reblog_of_id)
    .filter((x): x is number => x !== null)
    .map(Number);
  const inner = await findStatusViewsByIds(db, reblogIds);
  const all = [...rows.values(), ...inner.values()];
  const allIds = all.map((r) => Number(r.id));
  const [tags, mentions, viewer, media, polls] = await Promise.all([
    tagsForStatuses(db, allIds, ctx.store.tagIds),
    mentionsForStatuses(db, allIds),
    viewerId === null ? null : viewerStateForStatuses(db, viewerId, allIds),
    mediaForStatuses(db, allIds),
    pollsForStatuses(db, allIds, viewerId),
  ]);
  const storage = mediaStorage(ctx.config);
  const now = ctx.now();
  const accountIds = all.map((r) => Number(r.account_id));
  for (const m of mentions.values()) accountIds.push(...m);
  const accounts = await findAccountViewsByIds(db, accountIds);
  const base = ctx.config.publicUrl;

  // One Account entity per author per page: a busy room's page is a few authors many times.
  const accountEntity = accountEntities(base);

  const one = (r: StatusViewRow, reblog: StatusEntity | null): StatusEntity | null => {
    const account = accounts.get(Number(r.account_id));
    if (!account) return null;
    const id = Number(r.id);
    // A reblog wrapper answers for the status it wraps, as Mastodon's `status.proper` does.
    const proper = r.reblog_of_id === null ? id : Number(r.reblog_of_id);
    const poll = polls.get(id);
    return serializeStatus(
      {
        row: r,
        account,
        tags: tags.get(id) ?? [],
        mentions: (mentions.get(id) ?? []).map((a) => accounts.get(a)).filter((a) => a !== undefined),
        favourited: viewer?.favourited.has(proper) ?? false,
        reblogged: viewer?.reblogged.has(proper) ?? false,
        bookmarked: viewer?.bookmarked.has(proper) ?? false,
        // Only the author's own pins are ever in the set: others see `pinned: false`, as in Mastodon.
        pinned: viewer?.pinned.has(id) ?? false,
        reblog,
        media: (media.get(id) ?? []).map((m) => presentMediaAttachment(m, storage)),
        poll: poll ? presentPoll(poll, now, viewerId !== null) : null,
      },
      base,
      accountEntity(account),
    );
  };

  const out: StatusEntity[] = [];
  for (const id of ids) {
    const r = rows.get(id);
    if (!r) continue;
    if (r.reblog_of_id !== null) {
      const target = inner.get(Number(r.reblog_of_id));
      const reblog = target ? one(target, null) : null;
      if (!reblog) continue;
      const s = one(r, reblog);
      if (s) out.push(s);
    } else {
      const s = one(r, null);
      if (s) out.push(s);
    }
  }
  return out;
}

export async function presentStatus(
  ctx: Context,
  id: number,
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<StatusEntity | null> {
  return (await presentStatuses(ctx, [id], viewerId, db))[0] ?? null;
}

/**
 * The read pipeline with its rules step: of these ids, the statuses the viewer may see
 * (services/visibility.ts), presented in order. Every read path that answers a viewer goes through here.
 */
export async function presentVisibleStatuses(
  ctx: Context,
  ids: number[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<StatusEntity[]> {
  const visible = await visibleStatusIds(db, ids, viewerId);
  return presentStatuses(
    ctx,
    ids.filter((id) => visible.has(id)),
    viewerId,
    db,
  );
}
