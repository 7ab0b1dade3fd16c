import type { Account, Status } from './types';

/** Entities of the moderation and town-hall API (our extension, docs/api.md "Moderation and town hall"). */

export type ReportCategory = 'spam' | 'harassment' | 'off_topic' | 'misinformation' | 'other';

/** What a moderator can do to a status or its author in a session's room. */
export type RoomAction = 'hide' | 'unhide' | 'mute' | 'unmute' | 'ban' | 'unban' | 'approve' | 'reject';

export interface RoomActionInput {
  action: RoomAction;
  status_id?: string;
  account_id?: string;
  /** Mute and ban: without it, until undone. */
  duration_minutes?: number;
  reason?: string;
  category?: ReportCategory;
}

/** One entry of a chat's moderation log. */
export interface LoggedAction {
  id: string;
  /** A RoomAction, or settings, resolve_report, approve_submission, … */
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
  moderator: Account | null;
  account: Account | null;
}

export interface Report {
  id: string;
  chat_id: string;
  category: ReportCategory;
  comment: string;
  state: 'open' | 'resolved';
  resolution: string | null;
  created_at: string;
  resolved_at: string | null;
  /** Who reported. */
  account: Account | null;
  target_account: Account | null;
  status: Status | null;
}

export interface ReportInput {
  status_id?: string;
  account_id?: string;
  category: ReportCategory;
  comment: string;
}

export interface HeldStatus {
  status: Status;
  /** Why it waits, e.g. "word filter: spam". */
  reason: string;
  held_at: string;
}

/** What waits for a moderator of a session's chat, oldest first. */
export interface ModerationQueue {
  pending: HeldStatus[];
  reports: Report[];
  submissions: Submission[];
}

export interface ModerationSettings {
  slow_mode_seconds: number;
  word_filter: string[];
  min_account_age_days: number;
}

/** A chat's public moderation counts. */
export interface ModerationStats {
  chat_id: string;
  removals_count: number;
  by_category: Record<ReportCategory, number>;
  by_action: Record<string, number>;
}

export type SubmissionState = 'pending' | 'approved' | 'dismissed' | 'answering' | 'answered';
export type SubmissionSort = 'votes' | 'newest' | 'unanswered';

/** A question of a town-hall session's queue. */
export interface Submission {
  id: string;
  session_id: string;
  text: string;
  account: Account | null;
  status_id: string | null;
  votes_count: number;
  /** Votes (included in votes_count) from accounts made after the session was announced. */
  new_account_votes_count: number;
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

export interface TownHall {
  session_id: string;
  town_hall: boolean;
  submission_marker: string | null;
}
