import { notFound, unprocessable } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { serializeAccount } from '../../present/account';
import { findAccountById } from '../../store/accounts';
import { appendEvents } from '../../store/events';
import { type AccountReportRow, insertAccountReport } from '../../store/moderation';
import type { AccountReportsTable } from '../../store/schema';
import { publishEvents } from '../publish';
import { loadVisibleStatus } from '../visibility';

/** The event that has the fediverse edge send a report on as a `Flag` (no topic: nobody reads it). */
export const REPORT_FORWARD_EVENT = 'report.forward';

export interface NewAccountReport {
  accountId: number;
  statusIds: number[];
  category: AccountReportsTable['category'];
  comment: string;
  forward: boolean;
}

/**
 * Mastodon's report to the instance: an account and some of its statuses (each one the reporter
 * may see, by that account). With `forward`, a report about a remote account is sent on to its
 * server as a `Flag` from this server's instance actor, so the reporter stays anonymous there;
 * the Flag leaves through the committed event, after the report is stored.
 */
export async function reportAccount(ctx: Context, reporterId: number, input: NewAccountReport) {
  const db = ctx.store.db;
  const target = await findAccountById(db, input.accountId);
  if (!target || target.suspended_at !== null) throw notFound();
  if (Number(target.id) === reporterId) throw unprocessable('You cannot report yourself');
  const statusIds = [...new Set(input.statusIds)];
  for (const id of statusIds) {
    const status = await loadVisibleStatus(ctx, reporterId, id);
    if (Number(status.account_id) !== Number(target.id)) throw notFound();
  }
  const forward = input.forward && target.domain !== null && ctx.federation !== null;
  const now = ctx.now();
  const { row, stored } = await db.transaction().execute(async (trx) => {
    const row = await insertAccountReport(trx, {
      reporter_id: reporterId,
      target_account_id: Number(target.id),
      status_ids: JSON.stringify(statusIds.map(String)),
      category: input.category,
      comment: input.comment,
      forwarded: forward ? 1 : 0,
      created_at: now,
    });
    const events = forward
      ? [
          {
            event: REPORT_FORWARD_EVENT,
            payload: JSON.stringify({ report_id: String(row.id) }),
            accountId: null,
            topics: [],
          },
        ]
      : [];
    return { row, stored: await appendEvents(trx, ctx.store.dialect, events, now) };
  });
  await publishEvents(ctx, stored);
  return presentAccountReport(row, serializeAccount(target, ctx.config.publicUrl));
}

function presentAccountReport(r: AccountReportRow, target: ReturnType<typeof serializeAccount>) {
  const statusIds = JSON.parse(r.status_ids) as string[];
  return {
    id: String(r.id),
    action_taken: false,
    action_taken_at: null,
    category: r.category,
    comment: r.comment,
    forwarded: Number(r.forwarded) === 1,
    created_at: new Date(Number(r.created_at)).toISOString(),
    status_ids: statusIds.length > 0 ? statusIds : null,
    rule_ids: null,
    target_account: target,
  };
}
