import type { FilterContext } from '@hashchat/api/entities/filter';
import type { Context } from '../../context';
import type { StatusEntity } from '../../present/status';
import { excludedAccountIds, silencedSenders } from '../../store/blocks';
import { applyStatusFilter, loadStatusFilter } from '../filters';
import { presentVisibleStatuses } from '../status-views';

/**
 * The read pipeline's rules step for timelines: what the visibility rule hides from the viewer
 * (services/visibility.ts: audience, and holds by a chat's moderators) is dropped, then statuses
 * by (or reblogs of) accounts the viewer blocks, is blocked by or mutes. Pages may come out short; callers
 * build their Link header from the ids they fetched, so paging goes on from where it was.
 */
export async function presentTimeline(
  ctx: Context,
  ids: number[],
  viewerId: number | null,
  context: FilterContext | null = null,
): Promise<StatusEntity[]> {
  const [presented, filter] = await Promise.all([
    presentVisibleStatuses(ctx, ids, viewerId),
    context ? loadStatusFilter(ctx, viewerId) : null,
  ]);
  // The viewer's filters (hide drops, warn marks `filtered`) in the timeline's context.
  const statuses = context ? applyStatusFilter(presented, filter, context) : presented;
  if (viewerId === null) return statuses;
  const excluded = await excludedAccountIds(ctx.store.db, viewerId, ctx.now());
  if (excluded.size === 0) return statuses;
  const rebloggedAuthor = (s: StatusEntity) => (s.reblog as { account?: { id: string } } | null)?.account?.id;
  return statuses.filter((s) => {
    const inner = rebloggedAuthor(s);
    return !excluded.has(Number(s.account.id)) && !(inner !== undefined && excluded.has(Number(inner)));
  });
}

/** Notifications rows minus those from accounts blocked either way or muted with their notifications. */
export async function audibleNotifications<T extends { from_account_id: number }>(
  ctx: Context,
  viewerId: number,
  rows: T[],
): Promise<T[]> {
  const silenced = await silencedSenders(
    ctx.store.db,
    viewerId,
    [...new Set(rows.map((r) => Number(r.from_account_id)))],
    ctx.now(),
  );
  return silenced.size === 0 ? rows : rows.filter((r) => !silenced.has(Number(r.from_account_id)));
}
