import { validationFailed } from '@hashchat/api/requests/validation';
import { conflict, notFound, unprocessable } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { serializeAccount } from '../../present/account';
import { findAccountById, findAccountsByIds } from '../../store/accounts';
import { findChatById } from '../../store/chats';
import { appendEvents } from '../../store/events';
import {
  findReport,
  insertReport,
  listReports,
  markReportForwarded,
  type ReportRow,
  resolveReport,
} from '../../store/moderation';
import type { ReportCategory } from '../../store/schema';
import { loadChat } from '../chats/access';
import { publishEvents } from '../publish';
import { presentVisibleStatuses } from '../status-views';
import { loadVisibleStatus } from '../visibility';
import { REPORT_FORWARD_EVENT } from './account-reports';
import { logAction } from './log';
import { requireModerator } from './moderators';

export interface NewReport {
  statusId: number | null;
  accountId: number | null;
  category: ReportCategory;
  comment: string;
}

/** Anyone signed in reports a status or an account to a chat's hosts. */
export async function fileReport(ctx: Context, reporterId: number, chatId: number, input: NewReport) {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  let target = input.accountId;
  if (input.statusId !== null) {
    // Only a status the reporter may see, of this chat's room: a report carries the whole status.
    const status = await loadVisibleStatus(ctx, reporterId, input.statusId, { room: chat });
    target = Number(status.account_id);
  }
  if (target === null) throw validationFailed('status_id or account_id is required');
  if (!(await findAccountById(db, target))) throw notFound('The account does not exist');
  if (target === reporterId) throw unprocessable('You cannot report yourself');
  const row = await insertReport(db, {
    chat_id: chatId,
    reporter_id: reporterId,
    target_account_id: target,
    status_id: input.statusId,
    category: input.category,
    comment: input.comment,
    state: 'open',
    resolved_by: null,
    resolution: null,
    resolved_at: null,
    created_at: ctx.now(),
    forwarded_at: null,
  });
  return (await presentReports(ctx, [row], reporterId))[0];
}

export async function chatReports(
  ctx: Context,
  actorId: number,
  chatId: number,
  q: { state: 'open' | 'resolved' | null; maxId: number | null; limit: number },
) {
  const chat = await loadChat(ctx.store.db, chatId);
  await requireModerator(ctx.store.db, chat, actorId);
  const rows = await listReports(ctx.store.db, chatId, q.state, q.maxId, q.limit);
  return { rows, entities: await presentReports(ctx, rows, actorId) };
}

/** Closes a report (after acting on it, or not); logged as `resolve_report`. */
export async function closeReport(ctx: Context, actorId: number, reportId: number, resolution: string) {
  const db = ctx.store.db;
  const report = await findReport(db, reportId);
  if (!report) throw notFound();
  const chat = await findChatById(db, Number(report.chat_id));
  if (!chat) throw notFound();
  await requireModerator(db, chat, actorId);
  if (report.state === 'resolved') throw conflict('This report is already resolved');
  const now = ctx.now();
  await db.transaction().execute(async (trx) => {
    await resolveReport(trx, reportId, actorId, resolution, now);
    await logAction(
      trx,
      {
        chatId: Number(chat.id),
        sessionId: null,
        moderatorId: actorId,
        action: 'resolve_report',
        reportId,
        statusId: report.status_id === null ? null : Number(report.status_id),
        accountId: Number(report.target_account_id),
        category: report.category,
        reason: resolution,
      },
      now,
    );
  });
  const row = await findReport(db, reportId);
  return (await presentReports(ctx, [row!], actorId))[0];
}

/**
 * A chat's moderators send a report about a remote account on to its server, as a `Flag` from
 * this server's instance actor (the reporter is not named there), once.
 */
export async function forwardChatReport(ctx: Context, actorId: number, reportId: number) {
  const db = ctx.store.db;
  const report = await findReport(db, reportId);
  if (!report) throw notFound();
  const chat = await findChatById(db, Number(report.chat_id));
  if (!chat) throw notFound();
  await requireModerator(db, chat, actorId);
  const target = await findAccountById(db, Number(report.target_account_id));
  if (!target || target.domain === null)
    throw unprocessable('Only a report about an account on another server can be forwarded');
  if (!ctx.federation) throw unprocessable('Federation is turned off');
  const now = ctx.now();
  const stored = await db.transaction().execute(async (trx) => {
    if (!(await markReportForwarded(trx, reportId, now))) throw conflict('This report was forwarded already');
    const event = {
      event: REPORT_FORWARD_EVENT,
      payload: JSON.stringify({ chat_report_id: String(reportId) }),
      accountId: null,
      topics: [],
    };
    return appendEvents(trx, ctx.store.dialect, [event], now);
  });
  await publishEvents(ctx, stored);
  const row = await findReport(db, reportId);
  return (await presentReports(ctx, [row!], actorId))[0];
}

/** Report entities: who reported whom, for what, with the status when there is one. */
export async function presentReports(ctx: Context, rows: ReportRow[], viewerId: number) {
  const base = ctx.config.publicUrl;
  const accounts = await findAccountsByIds(ctx.store.db, [
    ...rows.map((r) => Number(r.reporter_id)),
    ...rows.map((r) => Number(r.target_account_id)),
  ]);
  const statuses = new Map(
    (
      await presentVisibleStatuses(
        ctx,
        rows.filter((r) => r.status_id !== null).map((r) => Number(r.status_id)),
        viewerId,
      )
    ).map((s) => [s.id, s]),
  );
  const account = (id: number) => {
    const a = accounts.get(Number(id));
    return a ? serializeAccount(a, base) : null;
  };
  return rows.map((r) => ({
    id: String(r.id),
    chat_id: String(r.chat_id),
    category: r.category,
    comment: r.comment,
    state: r.state,
    resolution: r.resolution,
    created_at: new Date(Number(r.created_at)).toISOString(),
    resolved_at: r.resolved_at === null ? null : new Date(Number(r.resolved_at)).toISOString(),
    forwarded: r.forwarded_at !== null,
    account: account(r.reporter_id),
    target_account: account(r.target_account_id),
    status: r.status_id === null ? null : (statuses.get(String(r.status_id)) ?? null),
  }));
}
