import type { Generated } from 'kysely';

/** Moderation and town hall (migration 004). */
export interface ModerationTables {
  chat_moderation_settings: ChatModerationSettingsTable;
  chat_bans: ChatBansTable;
  chat_mutes: ChatBansTable;
  status_holds: StatusHoldsTable;
  moderation_actions: ModerationActionsTable;
  chat_reports: ChatReportsTable;
  account_blocks: AccountBlocksTable;
  account_mutes: AccountMutesTable;
  submissions: SubmissionsTable;
  submission_votes: SubmissionVotesTable;
  account_reports: AccountReportsTable;
}

export interface ChatModerationSettingsTable {
  chat_id: number;
  slow_mode_seconds: number;
  /** JSON array of words and phrases. */
  word_filter: string;
  min_account_age_days: number;
  updated_at: number;
}

/** A ban or a mute of an account in a chat (mutes may expire). */
export interface ChatBansTable {
  chat_id: number;
  account_id: number;
  moderator_id: number;
  reason: string;
  expires_at: number | null;
  created_at: number;
}

export type HoldState = 'pending' | 'muted' | 'hidden';

export interface StatusHoldsTable {
  status_id: number;
  chat_id: number;
  account_id: number;
  state: HoldState;
  reason: string;
  created_at: number;
  updated_at: number;
}

export type ReportCategory = 'spam' | 'harassment' | 'off_topic' | 'misinformation' | 'other';

export interface ModerationActionsTable {
  id: Generated<number>;
  chat_id: number;
  session_id: number | null;
  moderator_id: number;
  action: string;
  status_id: number | null;
  account_id: number | null;
  submission_id: number | null;
  report_id: number | null;
  category: ReportCategory | null;
  reason: string;
  duration_minutes: number | null;
  created_at: number;
}

export interface ChatReportsTable {
  id: Generated<number>;
  chat_id: number;
  reporter_id: number;
  target_account_id: number;
  status_id: number | null;
  category: ReportCategory;
  comment: string;
  state: 'open' | 'resolved';
  resolved_by: number | null;
  resolution: string | null;
  resolved_at: number | null;
  created_at: number;
  /** When its moderators sent it to the reported account's server as a `Flag` (migration 023). */
  forwarded_at: number | null;
}

/** A report to the instance about an account (migration 023), Mastodon's `POST /api/v1/reports`. */
export interface AccountReportsTable {
  id: Generated<number>;
  reporter_id: number;
  target_account_id: number;
  /** JSON array of status ids (strings). */
  status_ids: string;
  category: 'spam' | 'legal' | 'violation' | 'other';
  comment: string;
  /** 1: sent to the account's own server as a `Flag`. */
  forwarded: number;
  created_at: number;
}

export interface AccountBlocksTable {
  id: Generated<number>;
  account_id: number;
  target_account_id: number;
  created_at: number;
}

export interface AccountMutesTable {
  id: Generated<number>;
  account_id: number;
  target_account_id: number;
  notifications: number;
  expires_at: number | null;
  created_at: number;
}

export type SubmissionState = 'pending' | 'approved' | 'dismissed' | 'answering' | 'answered';

export interface SubmissionsTable {
  id: Generated<number>;
  session_id: number;
  account_id: number;
  text: string;
  status_id: number | null;
  state: SubmissionState;
  votes_count: number;
  new_account_votes_count: number;
  merged_into_id: number | null;
  carried_from_id: number | null;
  answer_status_id: number | null;
  dismiss_reason: string | null;
  answering_at: number | null;
  answered_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SubmissionVotesTable {
  submission_id: number;
  account_id: number;
  new_account: number;
  created_at: number;
}
