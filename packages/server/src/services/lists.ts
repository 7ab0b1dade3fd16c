import { validationFailed } from '@hashchat/api/requests/validation';
import { accountTopic, listTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import type { Context } from '../context';
import { presentList } from '../present/list';
import { appendEvents, type NewEvent } from '../store/events';
import { followedAmong } from '../store/follows';
import type { Keyset } from '../store/keyset';
import {
  countListMembers,
  countLists,
  deleteList,
  deleteListMembers,
  findOwnList,
  insertList,
  insertListMembers,
  type ListRow,
  listMemberIds,
  listMemberPage,
  listsOf,
  listsWithMember,
  listTimelineIds,
  membersAmong,
  updateList,
} from '../store/lists';
import type { RepliesPolicy } from '../store/schema';
import { publishEvents } from './publish';

/** An account keeps at most this many lists, as Mastodon (List::PER_ACCOUNT_LIMIT). */
export const MAX_LISTS = 50;
/** A list holds at most this many accounts. */
export const MAX_LIST_MEMBERS = 500;

export interface ListInput {
  title?: string;
  replies_policy?: RepliesPolicy;
  exclusive?: boolean;
}

/** The viewer's list by an id from outside: another account's list, or none, is a 404. */
export async function ownList(ctx: Context, viewerId: number, id: number): Promise<ListRow> {
  const list = await findOwnList(ctx.store.db, viewerId, id);
  if (!list) throw notFound();
  return list;
}

export async function viewerLists(ctx: Context, viewerId: number) {
  return (await listsOf(ctx.store.db, viewerId)).map(presentList);
}

export async function createList(ctx: Context, viewerId: number, input: ListInput & { title: string }) {
  return ctx.store.db.transaction().execute(async (trx) => {
    if ((await countLists(trx, viewerId)) >= MAX_LISTS)
      throw validationFailed(`You cannot have more than ${MAX_LISTS} lists`);
    const row = await insertList(trx, {
      account_id: viewerId,
      title: input.title,
      replies_policy: input.replies_policy ?? 'list',
      exclusive: input.exclusive ? 1 : 0,
      created_at: ctx.now(),
    });
    return presentList(row);
  });
}

export async function changeList(ctx: Context, viewerId: number, id: number, input: ListInput) {
  await ownList(ctx, viewerId, id);
  const change = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.replies_policy !== undefined ? { replies_policy: input.replies_policy } : {}),
    ...(input.exclusive !== undefined ? { exclusive: input.exclusive ? 1 : 0 } : {}),
  };
  if (Object.keys(change).length === 0) return presentList(await ownList(ctx, viewerId, id));
  return presentList(await updateList(ctx.store.db, id, change));
}

/** Deletes a list; its open streams drop every member's topic. */
export async function removeList(ctx: Context, viewerId: number, id: number) {
  await ownList(ctx, viewerId, id);
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const members = await listMemberIds(trx, id);
    await deleteList(trx, id);
    return appendEvents(trx, ctx.store.dialect, membershipEvents(id, members, 'unfollow'), ctx.now());
  });
  await publishEvents(ctx, stored);
}

/** One page of a list's members, with the membership ids for the Link header. */
export async function listMembers(ctx: Context, viewerId: number, id: number, k: Keyset) {
  await ownList(ctx, viewerId, id);
  return listMemberPage(ctx.store.db, id, k);
}

/**
 * Adds accounts the viewer follows to their list (Mastodon: 404 when one is not followed, 422
 * when one is already on it); nothing is added unless all can be. Open list streams pick them up.
 */
export async function addListMembers(ctx: Context, viewerId: number, id: number, accountIds: number[]) {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) throw validationFailed('account_ids is missing');
  await ownList(ctx, viewerId, id);
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const followed = await followedAmong(trx, viewerId, ids);
    if (followed.length !== ids.length) throw notFound();
    if ((await membersAmong(trx, id, ids)).length > 0)
      throw validationFailed('Account has already been taken');
    if ((await countListMembers(trx, id)) + ids.length > MAX_LIST_MEMBERS)
      throw validationFailed(`A list holds at most ${MAX_LIST_MEMBERS} accounts`);
    await insertListMembers(trx, id, ids, ctx.now());
    return appendEvents(trx, ctx.store.dialect, membershipEvents(id, ids, 'follow'), ctx.now());
  });
  await publishEvents(ctx, stored);
}

export async function removeListMembers(ctx: Context, viewerId: number, id: number, accountIds: number[]) {
  await ownList(ctx, viewerId, id);
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const gone = await deleteListMembers(trx, id, [...new Set(accountIds)]);
    return appendEvents(trx, ctx.store.dialect, membershipEvents(id, gone, 'unfollow'), ctx.now());
  });
  await publishEvents(ctx, stored);
}

/** The viewer's lists that hold `accountId`. */
export async function listsHolding(ctx: Context, viewerId: number, accountId: number) {
  return (await listsWithMember(ctx.store.db, viewerId, accountId)).map(presentList);
}

export async function listTimeline(ctx: Context, viewerId: number, id: number, k: Keyset) {
  const list = await ownList(ctx, viewerId, id);
  return listTimelineIds(ctx.store.db, list, k);
}

/**
 * The internal events that tell the list's open streams to add (`follow`) or drop (`unfollow`)
 * a member's topic, as a user stream does for follows.
 */
export function membershipEvents(
  listId: number,
  accountIds: number[],
  kind: 'follow' | 'unfollow',
): NewEvent[] {
  return accountIds.map((a) => ({
    event: `hashchat.${kind}`,
    payload: JSON.stringify({ topic: accountTopic(a) }),
    accountId: null,
    topics: [listTopic(listId)],
  }));
}
