import { safetyTopic } from '@hashchat/api/topics';
import { HashchatError, notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { findAccountById } from '../../store/accounts';
import { deleteBlock, deleteMute, insertBlock, safetyFlags, upsertMute } from '../../store/blocks';
import { appendEvents, type NewEvent } from '../../store/events';
import type { Database } from '../../store/schema';
import { unfollow } from '../follows';
import { publishEvents } from '../publish';

/**
 * The internal event that tells `viewerId`'s open streams whether `otherId`'s events are
 * excluded now (after a block, unblock, mute or unmute), so no reader queries per event.
 */
async function exclusionEvent(
  db: Kysely<Database>,
  viewerId: number,
  otherId: number,
  now: number,
): Promise<NewEvent> {
  const f = await safetyFlags(db, viewerId, [otherId], now);
  const excluded = f.blocking.has(otherId) || f.blockedBy.has(otherId) || f.muting.has(otherId);
  return {
    event: 'hashchat.exclude',
    payload: JSON.stringify({ account_id: otherId, excluded }),
    accountId: null,
    topics: [safetyTopic(viewerId)],
  };
}

async function target(ctx: Context, viewerId: number, targetId: number) {
  if (viewerId === targetId) throw new HashchatError('Forbidden', 'This action is not allowed');
  const a = await findAccountById(ctx.store.db, targetId);
  if (!a) throw notFound();
  return a;
}

/** Blocks an account (Mastodon): follows both ways end; neither sees the other's statuses or notifications. */
export async function blockAccount(ctx: Context, viewerId: number, targetId: number): Promise<void> {
  const blocked = await target(ctx, viewerId, targetId);
  await unfollow(ctx, viewerId, targetId);
  await unfollow(ctx, targetId, viewerId);
  await change(ctx, viewerId, targetId, (db, now) => insertBlock(db, viewerId, targetId, now), true);
  // A remote account's server hears of it (Mastodon drops the follows between the two there too).
  if (blocked.domain !== null) await ctx.federation?.block(viewerId, targetId);
}

export async function unblockAccount(ctx: Context, viewerId: number, targetId: number): Promise<void> {
  const blocked = await target(ctx, viewerId, targetId);
  await change(ctx, viewerId, targetId, (db) => deleteBlock(db, viewerId, targetId), true);
  if (blocked.domain !== null) await ctx.federation?.unblock(viewerId, targetId);
}

/** Mutes an account, optionally for `durationSeconds` (0: indefinitely) and with its notifications. */
export async function muteAccount(
  ctx: Context,
  viewerId: number,
  targetId: number,
  opts: { notifications: boolean; durationSeconds: number },
): Promise<void> {
  await target(ctx, viewerId, targetId);
  await change(
    ctx,
    viewerId,
    targetId,
    (db, now) =>
      upsertMute(
        db,
        {
          accountId: viewerId,
          targetId,
          notifications: opts.notifications,
          expiresAt: opts.durationSeconds > 0 ? now + opts.durationSeconds * 1000 : null,
        },
        now,
      ),
    false,
  );
}

export async function unmuteAccount(ctx: Context, viewerId: number, targetId: number): Promise<void> {
  await target(ctx, viewerId, targetId);
  await change(ctx, viewerId, targetId, (db) => deleteMute(db, viewerId, targetId), false);
}

/** Writes the change and the exclusion events (both sides for blocks), then publishes them. */
async function change(
  ctx: Context,
  viewerId: number,
  targetId: number,
  write: (db: Kysely<Database>, now: number) => Promise<unknown>,
  bothSides: boolean,
): Promise<void> {
  const now = ctx.now();
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    await write(trx, now);
    const events = [await exclusionEvent(trx, viewerId, targetId, now)];
    if (bothSides) events.push(await exclusionEvent(trx, targetId, viewerId, now));
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  await publishEvents(ctx, stored);
}
