import type { ScheduledStatus } from '@hashchat/api/entities/scheduled-status';
import { validationFailed } from '@hashchat/api/requests/validation';
import { HashchatError, notFound } from '@hashchat/core/errors';
import { MIN_SCHEDULE_AHEAD_MS } from '@hashchat/core/status/poll-rules';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import {
  parseScheduledParams,
  presentScheduledStatus,
  type ScheduledParams,
} from '../present/scheduled-status';
import { scheduleJob } from '../store/jobs';
import type { Keyset } from '../store/keyset';
import {
  countScheduledStatuses,
  deleteScheduledStatus,
  findScheduledStatus,
  insertScheduledStatus,
  listScheduledStatuses,
  type ScheduledStatusRow,
  setScheduledAt,
} from '../store/scheduled-statuses';
import type { Database } from '../store/schema';
import { checkStatusText } from './status-text';
import { createStatus } from './statuses';

export const SCHEDULED_STATUS_JOB = 'status.publish_scheduled';

/** Mastodon's limit of pending scheduled statuses per account. */
const MAX_SCHEDULED = 300;

const jobFor = (id: number, at: number) => ({
  kind: SCHEDULED_STATUS_JOB,
  runAt: at,
  payload: { scheduled_status_id: id },
  dedupeKey: `scheduled-status:${id}`,
});

function checkTime(ctx: Context, at: number): void {
  if (!(at >= ctx.now() + MIN_SCHEDULE_AHEAD_MS))
    throw validationFailed('Scheduled at The scheduled date must be at least 5 minutes in the future');
}

/** Keeps a status to post at `at` (its job is written in the same transaction, so it survives restarts). */
export async function scheduleStatus(
  ctx: Context,
  accountId: number,
  params: ScheduledParams,
  at: number,
): Promise<ScheduledStatus> {
  checkTime(ctx, at);
  checkStatusText(ctx, params.text);
  if ((await countScheduledStatuses(ctx.store.db, accountId)) >= MAX_SCHEDULED)
    throw validationFailed(`You have exceeded the limit of ${MAX_SCHEDULED} scheduled statuses`);
  const now = ctx.now();
  const row = await ctx.store.writeTransaction(async (trx) => {
    const r = await insertScheduledStatus(trx, {
      account_id: accountId,
      scheduled_at: at,
      params: JSON.stringify(params),
      created_at: now,
    });
    await scheduleJob(trx, jobFor(Number(r.id), at), now);
    return r;
  });
  return presentScheduledStatus(row);
}

/** The caller's own scheduled status; anyone else's is a 404. */
async function loadOwn(db: Kysely<Database>, accountId: number, id: number): Promise<ScheduledStatusRow> {
  const row = await findScheduledStatus(db, id);
  if (!row || Number(row.account_id) !== accountId) throw notFound();
  return row;
}

export async function listScheduled(ctx: Context, accountId: number, page: Keyset) {
  return (await listScheduledStatuses(ctx.store.db, accountId, page)).map(presentScheduledStatus);
}

export async function getScheduled(ctx: Context, accountId: number, id: number) {
  return presentScheduledStatus(await loadOwn(ctx.store.db, accountId, id));
}

/** Moves a scheduled status (and its job) to another time. */
export async function rescheduleStatus(ctx: Context, accountId: number, id: number, at: number) {
  await loadOwn(ctx.store.db, accountId, id);
  checkTime(ctx, at);
  const now = ctx.now();
  await ctx.store.writeTransaction(async (trx) => {
    await setScheduledAt(trx, id, at);
    await scheduleJob(trx, jobFor(id, at), now);
  });
  return getScheduled(ctx, accountId, id);
}

/** Cancels a scheduled status; its job then finds nothing to publish. */
export async function cancelScheduled(ctx: Context, accountId: number, id: number): Promise<void> {
  await loadOwn(ctx.store.db, accountId, id);
  await deleteScheduledStatus(ctx.store.db, id);
}

/**
 * Publishes a due scheduled status through the same path as a direct post. Run twice (an
 * instance died between posting and deleting the row), the idempotency key finds the status
 * posted the first time: a key with a line break, which no HTTP header can carry, so no
 * client's Idempotency-Key can collide with it. A status that can no longer be posted
 * (its reply target gone, the author banned from the room) is dropped, as Mastodon does.
 */
export async function publishScheduled(ctx: Context, id: number): Promise<number | null> {
  const row = await findScheduledStatus(ctx.store.db, id);
  if (!row) return null;
  const p = parseScheduledParams(row);
  try {
    const posted = await createStatus(
      ctx,
      Number(row.account_id),
      {
        status: p.text,
        inReplyToId: p.in_reply_to_id,
        visibility: p.visibility,
        language: p.language,
        spoilerText: p.spoiler_text,
        sensitive: p.sensitive,
        poll: p.poll && {
          options: p.poll.options,
          expiresIn: p.poll.expires_in,
          multiple: p.poll.multiple,
          hideTotals: p.poll.hide_totals,
        },
      },
      `\nscheduled:${id}`,
    );
    await deleteScheduledStatus(ctx.store.db, id);
    return posted.id;
  } catch (err) {
    if (!(err instanceof HashchatError)) throw err;
    ctx.log.warn({ err, scheduledStatus: id }, 'scheduled status dropped: it can no longer be posted');
    await deleteScheduledStatus(ctx.store.db, id);
    return null;
  }
}
