import type { Context } from '../context';
import { followsAmong } from '../store/follows';
import { requestedAmong } from '../store/remote-accounts';
import { safetyRelationshipFields } from './moderation/safety-relationship';

/** Mastodon's Relationship entities for the viewer against each id. */
export async function relationships(ctx: Context, viewerId: number, ids: number[]) {
  const db = ctx.store.db;
  if (ids.length === 0) return [];
  const { following: f, followedBy: fb } = await followsAmong(db, viewerId, ids);
  const safety = await safetyRelationshipFields(ctx, viewerId, ids);
  // Follows of remote accounts wait for their server's Accept.
  const requested = await requestedAmong(db, viewerId, ids);
  return ids.map((id) => ({
    id: String(id),
    following: f.has(id),
    showing_reblogs: Number(f.get(id)?.show_reblogs ?? 0) === 1,
    notifying: Number(f.get(id)?.notify ?? 0) === 1,
    languages: null,
    followed_by: fb.has(id),
    ...safety(id),
    requested: requested.has(id),
    requested_by: false,
    domain_blocking: false,
    endorsed: false,
    note: '',
  }));
}
