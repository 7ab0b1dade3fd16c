import type { Context } from '../context';
import type { Keyset } from '../store/keyset';
import { addBookmark, removeBookmark, type SavedList, savedStatusPage } from '../store/saved-statuses';
import { presentStatus, presentStatuses } from './status-views';
import { loadVisibleStatus, visibleStatusIds } from './visibility';

/** Bookmarks (or un-bookmarks) a status the viewer may see; a reblog's is the status it wraps. */
export async function setBookmark(ctx: Context, viewerId: number, id: number, on: boolean) {
  const row = await loadVisibleStatus(ctx, viewerId, id);
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
  const statusIds = page.map((r) => r.statusId);
  const visible = await visibleStatusIds(ctx.store.db, statusIds, viewerId);
  const shown = statusIds.filter((id) => visible.has(id));
  return { statuses: await presentStatuses(ctx, shown, viewerId), rowIds: page.map((r) => r.id) };
}
