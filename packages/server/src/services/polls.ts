import type { Poll } from '@hashchat/api/entities/poll';
import { validationFailed } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { invalidChoices } from '@hashchat/core/status/poll-rules';
import type { Transaction } from 'kysely';
import type { Context } from '../context';
import { presentPoll } from '../present/poll';
import type { StatusEntity } from '../present/status';
import { appendEvents, type NewEvent } from '../store/events';
import { enqueueJob } from '../store/jobs';
import { hasNotificationOfType } from '../store/notifications';
import { findPoll, insertPoll, type PollRow, pollsForStatuses, recordVote, voterIds } from '../store/polls';
import type { Database } from '../store/schema';
import { statusTopicParts } from '../store/status-topic-parts';
import { isUniqueViolation } from '../store/unique-violation';
import { roomUpdateEvents } from './live/room-updates';
import { addNotifications } from './notifications';
import { publishEvents } from './publish';
import { hydrateStatuses, presentForEveryone } from './status-views';
import { loadVisibleStatus, statusTopics } from './visibility';

/** A poll as asked for on POST /api/v1/statuses (already validated against POLL_LIMITS). */
export interface NewPoll {
  options: string[];
  /** Seconds from the status's creation. */
  expiresIn: number;
  multiple: boolean;
  hideTotals: boolean;
}

/** Adds a new status's poll in the status's transaction; returns it presented for everyone. */
export async function addPoll(
  trx: Transaction<Database>,
  statusId: number,
  accountId: number,
  p: NewPoll,
  now: number,
): Promise<Poll> {
  const expiresAt = now + p.expiresIn * 1000;
  const view = await insertPoll(
    trx,
    { statusId, accountId, options: p.options, expiresAt, multiple: p.multiple, hideTotals: p.hideTotals },
    now,
  );
  // Its voters and author hear when it ends, once (the dedupe key), from whichever instance runs it.
  const pollId = Number(view.poll.id);
  await enqueueJob(
    trx,
    {
      kind: POLL_ENDED_JOB,
      runAt: expiresAt,
      payload: { poll_id: pollId },
      dedupeKey: `poll-ended:${pollId}`,
    },
    now,
  );
  return presentPoll(view, now, false);
}

export const POLL_ENDED_JOB = 'poll.ended';

/**
 * The status of a poll, presented once for everyone with its poll as it now stands, as
 * `status.update` on the status's topics and on each session stream it is visible in.
 */
async function pollStatusUpdates(
  trx: Transaction<Database>,
  entity: StatusEntity,
  authorId: number,
  parts: { tagNames: string[]; mentionIds: number[] },
): Promise<NewEvent[]> {
  const row = { account_id: authorId, visibility: entity.visibility, reblog_of_id: null };
  return [
    {
      event: 'status.update',
      payload: JSON.stringify(entity),
      accountId: authorId,
      topics: statusTopics(row, parts.tagNames, parts.mentionIds),
    },
    ...(await roomUpdateEvents(trx, Number(entity.id), entity)),
  ];
}

/**
 * A poll has ended: its voters and its author get a `poll` notification, once (a run again
 * after a crash finds them sent), and open timelines and rooms get its status again, closed
 * (a `hide_totals` poll shows its counts from now on). A poll deleted meanwhile (its status
 * deleted or edited) has nobody to tell.
 */
export async function notifyPollEnded(ctx: Context, pollId: number): Promise<void> {
  const poll = await findPoll(ctx.store.db, pollId);
  if (!poll) return;
  const statusId = Number(poll.status_id);
  const authorId = Number(poll.account_id);
  // Read before the transaction, as a vote does; the status is presented once, inside it.
  const [status, parts] = await Promise.all([
    hydrateStatuses(ctx, [statusId], null).then((h) => h.statuses.get(statusId)),
    statusTopicParts(ctx.store.db, statusId),
  ]);
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (await hasNotificationOfType(trx, statusId, 'poll')) return [];
    const voters = await voterIds(trx, pollId);
    const closed = status?.poll
      ? await pollStatusUpdates(trx, presentForEveryone(ctx, status), authorId, parts)
      : [];
    const events = await addNotifications(
      ctx,
      trx,
      [...new Set([...voters, authorId])].map((accountId) => ({
        accountId,
        fromAccountId: authorId,
        type: 'poll' as const,
        statusId,
      })),
    );
    return appendEvents(trx, ctx.store.dialect, [...events, ...closed], ctx.now());
  });
  await publishEvents(ctx, stored);
}

/** A poll the viewer may see (its status's visibility decides: 404 otherwise). */
async function loadVisiblePoll(ctx: Context, viewerId: number | null, pollId: number): Promise<PollRow> {
  const poll = await findPoll(ctx.store.db, pollId);
  if (!poll) throw notFound();
  await loadVisibleStatus(ctx, viewerId, Number(poll.status_id));
  return poll;
}

async function pollEntity(ctx: Context, poll: PollRow, viewerId: number | null): Promise<Poll> {
  const view = (await pollsForStatuses(ctx.store.db, [Number(poll.status_id)], viewerId)).get(
    Number(poll.status_id),
  );
  if (!view) throw notFound();
  return presentPoll(view, ctx.now(), viewerId !== null);
}

export async function getPoll(ctx: Context, viewerId: number | null, pollId: number): Promise<Poll> {
  return pollEntity(ctx, await loadVisiblePoll(ctx, viewerId, pollId), viewerId);
}

/**
 * Votes once on a poll; the poll's status goes out again as `status.update` on its topics so
 * open timelines show the new counts (serialized once, without anyone's vote in it).
 */
export async function vote(
  ctx: Context,
  accountId: number,
  pollId: number,
  choices: number[],
): Promise<Poll> {
  const poll = await loadVisiblePoll(ctx, accountId, pollId);
  const now = ctx.now();
  if (now >= Number(poll.expires_at)) throw validationFailed('The poll has already ended');
  const statusId = Number(poll.status_id);
  // Read before the transaction; inside it the status is presented once, from these rows and
  // the counts the vote returns, for the event.
  const [status, { tagNames, mentionIds }] = await Promise.all([
    hydrateStatuses(ctx, [statusId], null).then((h) => h.statuses.get(statusId)),
    statusTopicParts(ctx.store.db, statusId),
  ]);
  const view = status?.poll;
  if (!status || !view) throw notFound();
  const invalid = invalidChoices(choices, view.options.length, Boolean(poll.multiple));
  if (invalid) throw validationFailed(invalid);
  const stored = await ctx.store
    .writeTransaction(async (trx) => {
      const counted = await recordVote(trx, pollId, accountId, choices, now);
      const options = view.options.map(
        (o) => counted.counted.find((c) => Number(c.position) === Number(o.position)) ?? o,
      );
      const entity = presentForEveryone(
        ctx,
        status,
        null,
        presentPoll({ ...view, poll: counted.poll, options }, now, false),
      );
      return appendEvents(
        trx,
        ctx.store.dialect,
        await pollStatusUpdates(trx, entity, Number(poll.account_id), { tagNames, mentionIds }),
        now,
      );
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw validationFailed('You have already voted on this poll');
      throw err;
    });
  await publishEvents(ctx, stored);
  return pollEntity(ctx, poll, accountId);
}
