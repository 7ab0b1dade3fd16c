import { accountTopic, tagTopic, userTopic } from '@hashchat/api/topics';
import { HashchatError, notFound } from '@hashchat/core/errors';
import type { Context } from '../context';
import { findAccountById } from '../store/accounts';
import { appendEvents, type NewEvent } from '../store/events';
import { deleteFollow, insertFollow, isFollowing, updateFollowOptions } from '../store/follows';
import { leaveListsOf } from '../store/lists';
import { deleteFollowRequest } from '../store/remote-accounts';
import { deleteTagFollow, insertTagFollow } from '../store/tags';
import { membershipEvents } from './lists';
import { addNotifications } from './notifications';
import { publishEvents } from './publish';

/** A follow's options; on a follow that exists, only those given change (as in Mastodon). */
export interface FollowOptions {
  reblogs?: boolean;
  notify?: boolean;
}

export async function follow(
  ctx: Context,
  viewerId: number,
  targetId: number,
  options: FollowOptions = {},
): Promise<void> {
  if (viewerId === targetId) throw new HashchatError('Forbidden', 'You cannot follow yourself');
  const target = await findAccountById(ctx.store.db, targetId);
  if (!target || target.suspended_at !== null) throw notFound();
  if (target.domain !== null) {
    // A remote account: the follow is requested until its server accepts (federation/inbox.ts).
    if (!ctx.federation) throw notFound();
    if (await isFollowing(ctx.store.db, viewerId, targetId)) return;
    await ctx.federation.follow(viewerId, targetId);
    return;
  }
  await recordFollow(ctx, viewerId, targetId, options);
}

/**
 * Writes a follow that needs no one's consent: a local account followed, or a remote account's
 * Accept arrived. Notifies the followed account and tells the follower's open streams.
 */
export async function recordFollow(
  ctx: Context,
  viewerId: number,
  targetId: number,
  options: FollowOptions = {},
): Promise<void> {
  const now = ctx.now();
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const created = await insertFollow(trx, viewerId, targetId, now, {
      show_reblogs: options.reblogs === false ? 0 : 1,
      notify: options.notify ? 1 : 0,
    });
    if (!created) {
      const change = {
        ...(options.reblogs !== undefined ? { show_reblogs: options.reblogs ? 1 : 0 } : {}),
        ...(options.notify !== undefined ? { notify: options.notify ? 1 : 0 } : {}),
      };
      if (Object.keys(change).length === 0) return [];
      await updateFollowOptions(trx, viewerId, targetId, change);
      if (options.reblogs === undefined) return [];
      return appendEvents(trx, ctx.store.dialect, [reblogsChange(viewerId, targetId, options.reblogs)], now);
    }
    const events = await addNotifications(ctx, trx, [
      { accountId: targetId, fromAccountId: viewerId, type: 'follow', statusId: null },
    ]);
    // Tells the follower's open home streams to add the account's topic, and whether its reblogs show.
    events.push(reblogsChange(viewerId, targetId, options.reblogs !== false));
    events.push(followChange('follow', viewerId, accountTopic(targetId)));
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  await publishEvents(ctx, stored);
}

export async function unfollow(
  ctx: Context,
  viewerId: number,
  targetId: number,
  opts: { federate?: boolean } = {},
): Promise<void> {
  const target = await findAccountById(ctx.store.db, targetId);
  if (!target) throw notFound();
  const viewer = await findAccountById(ctx.store.db, viewerId);
  // A local account leaving a remote one tells its server (a pending request is withdrawn too).
  if (target.domain !== null && viewer?.domain === null && ctx.federation && opts.federate !== false) {
    const pending = await deleteFollowRequest(ctx.store.db, viewerId, targetId);
    if (pending || (await isFollowing(ctx.store.db, viewerId, targetId)))
      await ctx.federation.unfollow(viewerId, targetId);
  }
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await deleteFollow(trx, viewerId, targetId))) return [];
    // Lists hold only followed accounts (as in Mastodon): the account leaves the viewer's lists.
    const lists = await leaveListsOf(trx, viewerId, targetId);
    return appendEvents(
      trx,
      ctx.store.dialect,
      [
        followChange('unfollow', viewerId, accountTopic(targetId)),
        ...lists.flatMap((l) => membershipEvents(l, [targetId], 'unfollow')),
      ],
      ctx.now(),
    );
  });
  await publishEvents(ctx, stored);
}

/** Tells the follower's open home streams whether to write the account's reblogs. */
function reblogsChange(viewerId: number, targetId: number, shown: boolean): NewEvent {
  return {
    event: 'hashchat.reblogs',
    payload: JSON.stringify({ account_id: targetId, shown }),
    accountId: null,
    topics: [userTopic(viewerId)],
  };
}

/**
 * The internal event that tells the viewer's open home streams to add (`follow`) or drop
 * (`unfollow`) a topic, so follows made mid-stream take effect without reconnecting.
 */
export function followChange(kind: 'follow' | 'unfollow', viewerId: number, topic: string): NewEvent {
  return {
    event: `hashchat.${kind}`,
    payload: JSON.stringify({ topic }),
    accountId: null,
    topics: [userTopic(viewerId)],
  };
}

/** Follows a hashtag (idempotent); its statuses join the home timeline and open home streams. */
export async function followTag(
  ctx: Context,
  viewerId: number,
  tag: { id: number; name: string },
): Promise<void> {
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await insertTagFollow(trx, viewerId, tag.id, ctx.now()))) return [];
    return appendEvents(
      trx,
      ctx.store.dialect,
      [followChange('follow', viewerId, tagTopic(tag.name))],
      ctx.now(),
    );
  });
  await publishEvents(ctx, stored);
}

export async function unfollowTag(
  ctx: Context,
  viewerId: number,
  tag: { id: number; name: string },
): Promise<void> {
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await deleteTagFollow(trx, viewerId, tag.id))) return [];
    return appendEvents(
      trx,
      ctx.store.dialect,
      [followChange('unfollow', viewerId, tagTopic(tag.name))],
      ctx.now(),
    );
  });
  await publishEvents(ctx, stored);
}
