import type { Context } from '../../context';
import { safetyFlags } from '../../store/blocks';

// Its own file because services/accounts.ts (relationships) needs it and blocks.ts needs
// accounts.ts (a block ends the follows): kept in blocks.ts the two imported each other.
/** The block and mute fields of Mastodon's Relationship, per account id. */
export async function safetyRelationshipFields(ctx: Context, viewerId: number, ids: number[]) {
  const f = await safetyFlags(ctx.store.db, viewerId, ids, ctx.now());
  return (id: number) => ({
    blocking: f.blocking.has(id),
    blocked_by: f.blockedBy.has(id),
    muting: f.muting.has(id),
    muting_notifications: f.muting.get(id) ?? false,
  });
}
