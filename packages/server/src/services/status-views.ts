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
  type StatusPageRow,
  tagsForStatuses,
  viewerStateForStatuses,
} from '../store/statuses';
import { visibleAmong } from './visibility';

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
  return presentRows(ctx, ids, await pageRows(db, ids), viewerId, db);
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
  return presentRows(
    ctx,
    ids.filter((id) => visible.has(id)),
    rows,
    viewerId,
    db,
  );
}

/** The rows of `ids` and of the statuses they reblog, by id. */
async function pageRows(db: Kysely<Database>, ids: number[]): Promise<Map<number, StatusPageRow>> {
  const rows = await findStatusViewsByIds(db, ids);
  const missing = [...rows.values()]
    .map((r) => r.reblog_of_id)
    .filter((t): t is number => t !== null && !rows.has(Number(t)))
    .map(Number);
  if (missing.length > 0) for (const [id, r] of await findStatusViewsByIds(db, missing)) rows.set(id, r);
  return rows;
}

/** Presents `ids` (in order) from `rows`, which holds them and their reblog targets. */
async function presentRows(
  ctx: Context,
  ids: number[],
  rows: ReadonlyMap<number, StatusPageRow>,
  viewerId: number | null,
  db: Kysely<Database>,
): Promise<StatusEntity[]> {
  const all: StatusPageRow[] = [];
  const seen = new Set<number>();
  for (const id of ids) {
    const r = rows.get(id);
    if (!r) continue;
    for (const row of [r, r.reblog_of_id === null ? undefined : rows.get(Number(r.reblog_of_id))]) {
      if (row && !seen.has(Number(row.id))) {
        seen.add(Number(row.id));
        all.push(row);
      }
    }
  }
  const allIds = all.map((r) => Number(r.id));
  // Images and polls are read only for the statuses that have them: most pages have none.
  const withMedia = all.filter((r) => r.has_media).map((r) => Number(r.id));
  const withPoll = all.filter((r) => r.has_poll).map((r) => Number(r.id));
  const [tags, mentions, viewer, media, polls] = await Promise.all([
    tagsForStatuses(db, allIds, ctx.store.tagIds),
    mentionsForStatuses(db, allIds),
    viewerId === null ? null : viewerStateForStatuses(db, viewerId, allIds),
    mediaForStatuses(db, withMedia),
    pollsForStatuses(db, withPoll, viewerId),
  ]);
  const storage = mediaStorage(ctx.config);
  const now = ctx.now();
  const accountIds = all.map((r) => Number(r.account_id));
  for (const m of mentions.values()) accountIds.push(...m);
  const accounts = await findAccountViewsByIds(db, accountIds);
  const base = ctx.config.publicUrl;

  // One Account entity per author per page: a busy room's page is a few authors many times.
  const accountEntity = accountEntities(base);

  const one = (r: StatusPageRow, reblog: StatusEntity | null): StatusEntity | null => {
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
      const target = rows.get(Number(r.reblog_of_id));
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
