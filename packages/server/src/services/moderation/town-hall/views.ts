import { notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../../../context';
import { type AccountEntity, serializeAccount } from '../../../present/account';
import { findAccountsByIds } from '../../../store/accounts';
import type { SessionRow } from '../../../store/chat-sessions';
import type { Database, SubmissionState } from '../../../store/schema';
import { findSubmission, type SubmissionRow, votedBy } from '../../../store/submissions';

export interface SubmissionEntity {
  id: string;
  session_id: string;
  text: string;
  account: AccountEntity | null;
  status_id: string | null;
  votes_count: number;
  /** Moderators only (null for everyone else): a flood of new accounts is theirs to judge. */
  new_account_votes_count: number | null;
  voted: boolean;
  state: SubmissionState;
  answer_status_id: string | null;
  merged_into_id: string | null;
  carried_from_id: string | null;
  dismiss_reason: string | null;
  created_at: string;
  answering_at: string | null;
  answered_at: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

const idOrNull = (v: number | null) => (v === null ? null : String(v));

/** Who a submission is presented to: the viewer (for `voted`) and whether they moderate the chat. */
export interface SubmissionViewer {
  id: number | null;
  moderator: boolean;
}

/** For the session's public stream: nobody's vote, no moderator figures. */
export const PUBLIC_VIEWER: SubmissionViewer = { id: null, moderator: false };

export async function presentSubmissions(
  ctx: Context,
  rows: SubmissionRow[],
  viewer: SubmissionViewer,
  db: Kysely<Database> = ctx.store.db,
): Promise<SubmissionEntity[]> {
  const viewerId = viewer.id;
  const ids = rows.map((r) => Number(r.id));
  const [accounts, voted] = await Promise.all([
    findAccountsByIds(
      db,
      rows.map((r) => Number(r.account_id)),
    ),
    viewerId === null ? new Set<number>() : votedBy(db, viewerId, ids),
  ]);
  return rows.map((r) => {
    const a = accounts.get(Number(r.account_id));
    return {
      id: String(r.id),
      session_id: String(r.session_id),
      text: r.text,
      account: a ? serializeAccount(a, ctx.config.publicUrl) : null,
      status_id: idOrNull(r.status_id),
      votes_count: Number(r.votes_count),
      new_account_votes_count: viewer.moderator ? Number(r.new_account_votes_count) : null,
      voted: voted.has(Number(r.id)),
      state: r.state,
      answer_status_id: idOrNull(r.answer_status_id),
      merged_into_id: idOrNull(r.merged_into_id),
      carried_from_id: idOrNull(r.carried_from_id),
      dismiss_reason: r.dismiss_reason,
      created_at: iso(r.created_at)!,
      answering_at: iso(r.answering_at),
      answered_at: iso(r.answered_at),
    };
  });
}

export async function presentOne(
  ctx: Context,
  id: number,
  viewer: SubmissionViewer,
  db: Kysely<Database> = ctx.store.db,
) {
  const row = await findSubmission(db, id);
  if (!row) throw notFound();
  return (await presentSubmissions(ctx, [row], viewer, db))[0];
}

/** The session's town-hall settings (public: participants need the marker). */
export function townHallEntity(session: SessionRow) {
  return {
    session_id: String(session.id),
    town_hall: Number(session.town_hall) === 1,
    submission_marker: session.submission_marker,
  };
}
