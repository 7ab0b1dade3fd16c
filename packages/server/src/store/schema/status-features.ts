import type { Generated } from 'kysely';

/** Scheduled statuses, polls and edits (migration 014). */
export interface StatusFeatureTables {
  scheduled_statuses: ScheduledStatusesTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  status_edits: StatusEditsTable;
}

/** A status to publish later: its parameters as JSON, published by a job at `scheduled_at`. */
export interface ScheduledStatusesTable {
  id: Generated<number>;
  account_id: number;
  scheduled_at: number;
  params: string;
  created_at: number;
}

export interface PollsTable {
  id: Generated<number>;
  status_id: number;
  account_id: number;
  expires_at: number;
  multiple: number;
  hide_totals: number;
  votes_count: Generated<number>;
  voters_count: Generated<number>;
  created_at: number;
}

export interface PollOptionsTable {
  poll_id: number;
  position: number;
  title: string;
  votes_count: Generated<number>;
}

/** One account's vote on a poll (unique per poll and account). */
export interface PollVotesTable {
  poll_id: number;
  account_id: number;
  choices: string;
  created_at: number;
}

/** A status's earlier versions, for its edit history. */
export interface StatusEditsTable {
  id: Generated<number>;
  status_id: number;
  account_id: number;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: number;
  poll_options: string | null;
  /** The version's attachments as JSON media rows, or null when it had none (migration 019). */
  media_attachments: string | null;
  created_at: number;
}
