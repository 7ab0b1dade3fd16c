import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import { type AccountEntity, serializeAccount } from '../../present/account';
import { findAccountsByIds } from '../../store/accounts';
import { insertAction, type ModerationActionRow } from '../../store/moderation';
import type { Database, ReportCategory } from '../../store/schema';

/** Every room and town-hall action a moderator can take; each one lands in the chat's log. */
export type ModerationAction =
  | 'hide'
  | 'unhide'
  | 'mute'
  | 'unmute'
  | 'ban'
  | 'unban'
  | 'approve'
  | 'reject'
  | 'settings'
  | 'resolve_report'
  | 'approve_submission'
  | 'merge_submission'
  | 'dismiss_submission'
  | 'answering_submission'
  | 'answered_submission'
  | 'carry_over';

export interface LogEntry {
  chatId: number;
  sessionId: number | null;
  moderatorId: number;
  action: ModerationAction;
  statusId?: number | null;
  accountId?: number | null;
  submissionId?: number | null;
  reportId?: number | null;
  category?: ReportCategory | null;
  reason?: string;
  durationMinutes?: number | null;
}

/** Writes one log entry (inside the action's transaction: no action without its entry). */
export function logAction(db: Kysely<Database>, e: LogEntry, now: number): Promise<ModerationActionRow> {
  return insertAction(db, {
    chat_id: e.chatId,
    session_id: e.sessionId,
    moderator_id: e.moderatorId,
    action: e.action,
    status_id: e.statusId ?? null,
    account_id: e.accountId ?? null,
    submission_id: e.submissionId ?? null,
    report_id: e.reportId ?? null,
    category: e.category ?? null,
    reason: e.reason ?? '',
    duration_minutes: e.durationMinutes ?? null,
    created_at: now,
  });
}

export interface ModerationActionEntity {
  id: string;
  action: string;
  session_id: string | null;
  status_id: string | null;
  account_id: string | null;
  submission_id: string | null;
  report_id: string | null;
  category: ReportCategory | null;
  reason: string;
  duration_minutes: number | null;
  created_at: string;
  moderator: AccountEntity | null;
  account: AccountEntity | null;
}

const idOrNull = (v: number | null) => (v === null ? null : String(v));

/** Log rows → entities, with the moderator's and the target's Account. */
export async function presentActions(
  ctx: Context,
  rows: ModerationActionRow[],
  db: Kysely<Database> = ctx.store.db,
): Promise<ModerationActionEntity[]> {
  const accounts = await findAccountsByIds(db, [
    ...rows.map((r) => Number(r.moderator_id)),
    ...rows.filter((r) => r.account_id !== null).map((r) => Number(r.account_id)),
  ]);
  const account = (id: number | null) => {
    const a = id === null ? undefined : accounts.get(Number(id));
    return a ? serializeAccount(a, ctx.config.publicUrl) : null;
  };
  return rows.map((r) => ({
    id: String(r.id),
    action: r.action,
    session_id: idOrNull(r.session_id),
    status_id: idOrNull(r.status_id),
    account_id: idOrNull(r.account_id),
    submission_id: idOrNull(r.submission_id),
    report_id: idOrNull(r.report_id),
    category: r.category,
    reason: r.reason,
    duration_minutes: r.duration_minutes === null ? null : Number(r.duration_minutes),
    created_at: new Date(Number(r.created_at)).toISOString(),
    moderator: account(r.moderator_id),
    account: account(r.account_id),
  }));
}
