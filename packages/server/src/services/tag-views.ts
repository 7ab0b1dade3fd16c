import type { Context } from '../context';
import { DAY_MS, isFollowingTag, type TagRef, tagUsageByDay } from '../store/tags';

/** Mastodon's Tag entity with a 7-day usage history (uses and distinct accounts per day). */
export async function presentTag(ctx: Context, tag: TagRef, viewerId: number | null) {
  const today = Math.floor(ctx.now() / DAY_MS) * DAY_MS;
  const since = today - 6 * DAY_MS;
  const rows = await tagUsageByDay(ctx.store.db, tag.id, since);
  const byDay = new Map(rows.map((r) => [Math.floor(Number(r.day)), r]));
  const history = [];
  for (let d = today; d >= since; d -= DAY_MS) {
    const r = byDay.get(d / DAY_MS);
    history.push({
      day: String(d / 1000),
      uses: String(r ? Number(r.uses) : 0),
      accounts: String(r ? Number(r.accounts) : 0),
    });
  }
  const following = viewerId === null ? false : await isFollowingTag(ctx.store.db, viewerId, tag.id);
  return {
    id: String(tag.id),
    name: tag.display_name,
    url: `${ctx.config.publicUrl}/tags/${encodeURIComponent(tag.name)}`,
    history,
    following,
  };
}
