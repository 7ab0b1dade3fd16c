import type { MediaAttachment } from '@hashchat/api/entities/media';
import type { Poll } from '@hashchat/api/entities/poll';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import { mediaStorage } from '../media/media-storage';
import { accountEntities } from '../present/account';
import { presentMediaAttachment } from '../present/media-attachment';
import { presentPoll } from '../present/poll';
import {
  type StatusEntity,
  type StatusParts,
  serializeStatus,
  type ViewerState,
  withViewerState,
} from '../present/status';
import { type AccountViewRow, findAccountViewsByIds } from '../store/accounts';
import { mediaForStatuses } from '../store/media';
import { ownPollVotes, type PollView, pollsForStatuses } from '../store/polls';
import type { Database } from '../store/schema';
import {
  findStatusViewsByIds,
  mentionsForStatuses,
  type StatusPageRow,
  type StatusViewRow,
  tagsForStatuses,
  viewerStateForStatuses,
} from '../store/statuses';
import { visibleAmong } from './visibility';

/** One status's rows, read and ready to present (without viewer state or the status it boosts). */
export interface HydratedStatus {
  row: StatusViewRow;
  account: AccountViewRow;
  tags: StatusParts['tags'];
  mentions: AccountViewRow[];
  media: MediaAttachment[];
  poll: PollView | null;
}

/**
 * The read pipeline's hydrate step: the rows of `ids` and of the statuses they boost, by id,
 * with the viewer's state. A write that must present a status inside its transaction reads
 * these first, outside it, and presents from them and the rows its writes return.
 */
export async function hydrateStatuses(
  ctx: Context,
  ids: number[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
  rows?: ReadonlyMap<number, StatusPageRow>,
) {
  const page = rows ?? (await pageRows(db, ids));
  const all: StatusPageRow[] = [];
  const seen = new Set<number>();
  for (const id of ids) {
    const r = page.get(id);
    if (!r) continue;
    for (const row of [r, r.reblog_of_id === null ? undefined : page.get(Number(r.reblog_of_id))]) {
      if (row && !seen.has(Number(row.id))) {
        seen.add(Number(row.id));
        all.push(row);
      }
    }
  }
  const allIds = all.map((r) => Number(r.id));
  const [tags, mentions, viewer, media, polls] = await Promise.all([
    tagsForStatuses(db, allIds, ctx.store.tagIds),
    mentionsForStatuses(db, allIds),
    viewerId === null ? null : viewerStateForStatuses(db, viewerId, allIds),
    // Images and polls are read only for the statuses that have them: most pages have none.
    mediaForStatuses(
      db,
      all.filter((r) => r.has_media).map((r) => Number(r.id)),
    ),
    pollsForStatuses(
      db,
      all.filter((r) => r.has_poll).map((r) => Number(r.id)),
      viewerId,
    ),
  ]);
  const storage = mediaStorage(ctx.config);
  const accountIds = all.map((r) => Number(r.account_id));
  for (const m of mentions.values()) accountIds.push(...m);
  const accounts = await findAccountViewsByIds(db, accountIds);
  const statuses = new Map<number, HydratedStatus>();
  for (const r of all) {
    const account = accounts.get(Number(r.account_id));
    if (!account) continue;
    const id = Number(r.id);
    statuses.set(id, {
      row: r,
      account,
      tags: tags.get(id) ?? [],
      mentions: (mentions.get(id) ?? []).map((a) => accounts.get(a)).filter((a) => a !== undefined),
      media: (media.get(id) ?? []).map((m) => presentMediaAttachment(m, storage)),
      poll: polls.get(id) ?? null,
    });
  }
  return { statuses, viewer };
}

/** The rows of `ids` and of the statuses they reblog, by id, with the visibility rule's inputs. */
async function pageRows(db: Kysely<Database>, ids: number[]): Promise<Map<number, StatusPageRow>> {
  const rows = await findStatusViewsByIds(db, ids);
  const missing = [...rows.values()]
    .map((r) => r.reblog_of_id)
    .filter((t): t is number => t !== null && !rows.has(Number(t)))
    .map(Number);
  if (missing.length > 0) for (const [id, r] of await findStatusViewsByIds(db, missing)) rows.set(id, r);
  return rows;
}

/**
 * The read pipeline's hydrate + present steps: status ids in, Status entities out, in the
 * same order, with whatever is missing (deleted meanwhile) left out.
 */
export async function presentStatuses(
  ctx: Context,
  ids: number[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
  rows?: ReadonlyMap<number, StatusPageRow>,
): Promise<StatusEntity[]> {
  const { statuses, viewer } = await hydrateStatuses(ctx, ids, viewerId, db, rows);
  const now = ctx.now();
  const base = ctx.config.publicUrl;

  // One Account entity per author per page: a busy room's page is a few authors many times.
  const accountEntity = accountEntities(base);

  const one = (h: HydratedStatus, reblog: StatusEntity | null): StatusEntity => {
    const id = Number(h.row.id);
    // A reblog wrapper answers for the status it wraps, as Mastodon's `status.proper` does.
    const proper = h.row.reblog_of_id === null ? id : Number(h.row.reblog_of_id);
    return serializeStatus(
      {
        ...h,
        favourited: viewer?.favourited.has(proper) ?? false,
        reblogged: viewer?.reblogged.has(proper) ?? false,
        bookmarked: viewer?.bookmarked.has(proper) ?? false,
        // Only the author's own pins are ever in the set: others see `pinned: false`, as in Mastodon.
        pinned: viewer?.pinned.has(id) ?? false,
        reblog,
        poll: h.poll ? presentPoll(h.poll, now, viewerId !== null) : null,
      },
      base,
      accountEntity(h.account),
    );
  };

  const out: StatusEntity[] = [];
  for (const id of ids) {
    const h = statuses.get(id);
    if (!h) continue;
    if (h.row.reblog_of_id !== null) {
      const target = statuses.get(Number(h.row.reblog_of_id));
      if (!target) continue;
      out.push(one(h, one(target, null)));
    } else out.push(one(h, null));
  }
  return out;
}

/**
 * A hydrated status as everyone sees it (no viewer state), from rows in hand: pure, so a write
 * calls it inside its transaction to put the entity in its event, with the rows it just wrote.
 */
export function presentForEveryone(
  ctx: Context,
  h: HydratedStatus,
  reblog: StatusEntity | null = null,
  poll: Poll | null = h.poll ? presentPoll(h.poll, ctx.now(), false) : null,
): StatusEntity {
  return serializeStatus(
    { ...h, favourited: false, reblogged: false, bookmarked: false, reblog, poll },
    ctx.config.publicUrl,
  );
}

/**
 * A Status entity as everyone sees it (one write's event) made the viewer's: their favourite,
 * boost and bookmark, and their vote on its poll. Reads the viewer's state, not the status.
 */
export async function asSeenBy(ctx: Context, entity: StatusEntity, viewerId: number): Promise<StatusEntity> {
  const proper = entity.reblog ?? entity;
  return withViewerState(entity, await viewerStateOf(ctx, viewerId, Number(proper.id), proper.poll?.id));
}

/** One viewer's favourite, boost and bookmark of a status, and their vote on its poll if it has one. */
export async function viewerStateOf(
  ctx: Context,
  viewerId: number,
  statusId: number,
  pollId?: string | number,
): Promise<ViewerState> {
  const [state, votes] = await Promise.all([
    viewerStateForStatuses(ctx.store.db, viewerId, [statusId]),
    pollId === undefined ? null : ownPollVotes(ctx.store.db, [Number(pollId)], viewerId),
  ]);
  return {
    favourited: state.favourited.has(statusId),
    reblogged: state.reblogged.has(statusId),
    bookmarked: state.bookmarked.has(statusId),
    ...(votes ? { ownVotes: votes.get(Number(pollId)) ?? null } : {}),
  };
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
 * The rule and the presenting share one read of the rows (with their reblog targets).
 */
export async function presentVisibleStatuses(
  ctx: Context,
  ids: number[],
  viewerId: number | null,
  db: Kysely<Database> = ctx.store.db,
): Promise<StatusEntity[]> {
  const rows = await pageRows(db, ids);
  const visible = await visibleAmong(db, rows, ids, viewerId);
  return presentStatuses(
    ctx,
    ids.filter((id) => visible.has(id)),
    viewerId,
    db,
    rows,
  );
}
