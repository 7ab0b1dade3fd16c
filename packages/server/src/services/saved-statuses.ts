import type { Context } from '../context';
import type { Keyset } from '../store/keyset';
import { addBookmark, removeBookmark, type SavedList, savedStatusPage } from '../store/saved-statuses';
import { findStatusById } from '../store/statuses';
import { presentStatus, presentStatuses } from './status-views';
import { visibleStatus } from './statuses';
import { canSeeStatus } from './visibility';

/** Bookmarks (or un-bookmarks) a status the viewer may see; a reblog's is the status it wraps. */
export async function setBookmark(ctx: Context, viewerId: number, id: number, on: boolean) {
  const row = await visibleStatus(ctx, id, viewerId);
  const target = row.reblog_of_id !== null ? Number(row.reblog_of_id) : id;
  if (on) await addBookmark(ctx.store.db, viewerId, target, ctx.now());
  else await removeBookmark(ctx.store.db, viewerId, target);
  return presentStatus(ctx, target, viewerId);
}

/**
 * One page of the viewer's favourites or bookmarks: the statuses, and the page's row ids for the
 * `Link` header (kept even when a status has since become one the viewer may not see, so the
 * next page starts after it).
 */
export async function savedStatuses(ctx: Context, list: SavedList, viewerId: number, k: Keyset) {
  const page = await savedStatusPage(ctx.store.db, list, viewerId, k);
  const visible: number[] = [];
  for (const { statusId } of page) {
    const row = await findStatusById(ctx.store.db, statusId);
    if (row && (await canSeeStatus(ctx.store.db, row, viewerId))) visible.push(statusId);
  }
  return { statuses: await presentStatuses(ctx, visible, viewerId), rowIds: page.map((r) => r.id) };
}
