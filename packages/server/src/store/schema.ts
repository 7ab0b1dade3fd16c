import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Times are epoch milliseconds and flags are 0/1 integers on
 * both dialects, so the same rows read the same from SQLite and PostgreSQL.
 */
export interface Database {
  accounts: AccountsTable;
  apps: AppsTable;
  oauth_codes: OAuthCodesTable;
  tokens: TokensTable;
  statuses: StatusesTable;
  tags: TagsTable;
  status_tags: StatusTagsTable;
  mentions: MentionsTable;
  favourites: FavouritesTable;
  follows: FollowsTable;
  tag_follows: TagFollowsTable;
  notifications: NotificationsTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  event_topics: EventTopicsTable;
  jobs: JobsTable;
  chat_categories: ChatCategoriesTable;
  chats: ChatsTable;
  chat_claims: ChatClaimsTable;
  chat_co_hosts: ChatCoHostsTable;
  chat_follows: ChatFollowsTable;
  chat_events: ChatEventsTable;
  chat_sessions: ChatSessionsTable;
  session_statuses: SessionStatusesTable;
  session_questions: SessionQuestionsTable;
  chat_session_guests: ChatSessionGuestsTable;
  chat_preferences: ChatPreferencesTable;
  calendar_feeds: CalendarFeedsTable;
  chat_reminders_sent: ChatRemindersSentTable;
  session_recaps: SessionRecapsTable;
  markers: MarkersTable;
  bookmarks: BookmarksTable;
  scheduled_statuses: ScheduledStatusesTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  status_edits: StatusEditsTable;
}

export interface AccountsTable {
  id: Generated<number>;
  username: string;
  username_lower: string;
  email: string;
  password_hash: string;
  display_name: string;
  note: string;
  locale: string;
  role: 'user' | 'moderator' | 'admin';
  created_at: number;
  updated_at: number;
  statuses_count: number;
  followers_count: number;
  following_count: number;
  last_status_at: number | null;
  suspended_at: number | null;
}

export type MarkerTimeline = 'home' | 'notifications';

export interface MarkersTable {
  account_id: number;
  timeline: MarkerTimeline;
  last_read_id: number;
  version: number;
  updated_at: number;
}

export interface AppsTable {
  id: Generated<number>;
  name: string;
  website: string | null;
  redirect_uris: string;
  scopes: string;
  client_id: string;
  client_secret: string;
  created_at: number;
}

export interface OAuthCodesTable {
  code_hash: string;
  app_id: number;
  account_id: number;
  scopes: string;
  redirect_uri: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  expires_at: number;
  created_at: number;
}

export interface TokensTable {
  id: Generated<number>;
  token_hash: string;
  kind: 'oauth' | 'session';
  app_id: number | null;
  account_id: number | null;
  scopes: string;
  csrf_token: string | null;
  created_at: number;
  revoked_at: number | null;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface StatusesTable {
  id: Generated<number>;
  account_id: number;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: number;
  visibility: Visibility;
  language: string | null;
  in_reply_to_id: number | null;
  in_reply_to_account_id: number | null;
  reblog_of_id: number | null;
  created_at: number;
  edited_at: number | null;
  replies_count: Generated<number>;
  reblogs_count: Generated<number>;
  favourites_count: Generated<number>;
}

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

export interface PollVotesTable {
  poll_id: number;
  account_id: number;
  choices: string;
  created_at: number;
}

export interface StatusEditsTable {
  id: Generated<number>;
  status_id: number;
  account_id: number;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: number;
  poll_options: string | null;
  created_at: number;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
  display_name: string;
  created_at: number;
}

export interface StatusTagsTable {
  tag_id: number;
  status_id: number;
  account_id: number;
  created_at: number;
}

export interface MentionsTable {
  status_id: number;
  account_id: number;
}

export interface FavouritesTable {
  id: Generated<number>;
  account_id: number;
  status_id: number;
  created_at: number;
}

export interface BookmarksTable {
  id: Generated<number>;
  account_id: number;
  status_id: number;
  created_at: number;
}

export interface FollowsTable {
  account_id: number;
  target_account_id: number;
  created_at: number;
  /** 0/1: the account's reblogs appear in the follower's home timeline. */
  show_reblogs: Generated<number>;
  /** 0/1: the follower asked to be notified of the account's posts. */
  notify: Generated<number>;
}

export interface TagFollowsTable {
  account_id: number;
  tag_id: number;
  created_at: number;
}

export type NotificationType =
  | 'mention'
  | 'favourite'
  | 'reblog'
  | 'follow'
  | 'chat_reminder'
  | 'status'
  | 'submission_answered';

export interface NotificationsTable {
  id: Generated<number>;
  account_id: number;
  from_account_id: number;
  type: NotificationType;
  status_id: number | null;
  ref_id: number | null;
  created_at: number;
}

export interface IdempotencyKeysTable {
  account_id: number;
  key: string;
  status_id: number;
  created_at: number;
}

export interface EventsTable {
  id: Generated<number>;
  event: string;
  payload: string;
  account_id: number | null;
  created_at: number;
}

export interface EventTopicsTable {
  topic: string;
  event_id: number;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  run_at: number;
  payload: string;
  dedupe_key: string | null;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

export interface ChatCategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: number;
}

export interface ChatsTable {
  id: Generated<number>;
  owner_id: number;
  /** As the host wrote it (without "#"); `tag_name` is its normalised form. */
  hashtag: string;
  tag_name: string;
  title: string;
  description: string;
  category_id: number | null;
  language: string;
  time_zone: string;
  rules: string;
  /** The recurring schedule: first local start, read in `time_zone`; null when the chat has none. */
  schedule_start_local: string | null;
  duration_minutes: number;
  rrule: string | null;
  created_at: number;
  updated_at: number;
}

export interface ChatClaimsTable {
  tag_name: string;
  chat_id: number;
  created_at: number;
}

export interface ChatCoHostsTable {
  chat_id: number;
  account_id: number;
  created_at: number;
}

export interface ChatFollowsTable {
  chat_id: number;
  account_id: number;
  created_at: number;
}

export interface ChatEventsTable {
  id: Generated<number>;
  chat_id: number;
  name: string;
  description: string;
  created_at: number;
}

export type ChatSessionState = 'scheduled' | 'live' | 'ended' | 'cancelled';

export interface ChatSessionsTable {
  id: Generated<number>;
  chat_id: number;
  event_id: number | null;
  /** 'rule' (materialised from the chat's schedule), 'one_off' or 'event'. */
  origin: 'rule' | 'one_off' | 'event';
  /** Null: the chat's title. */
  title: string | null;
  starts_at: number;
  ends_at: number;
  /** For rule sessions: the instant the rule scheduled (an iCalendar RECURRENCE-ID), kept when moved. */
  original_start: number | null;
  local_start: string | null;
  state: ChatSessionState;
  extra_tag: string | null;
  started_at: number | null;
  ended_at: number | null;
  created_at: number;
  updated_at: number;
  /** 1: participants may read upcoming agenda questions before they are asked. */
  agenda_public: Generated<number>;
}

export interface ChatSessionGuestsTable {
  session_id: number;
  account_id: number;
  badge: string;
  position: number;
}

export interface ChatPreferencesTable {
  account_id: number;
  reminder_minutes: number | null;
  updated_at: number;
}

export interface CalendarFeedsTable {
  account_id: number;
  token: string;
  created_at: number;
}

export interface ChatRemindersSentTable {
  account_id: number;
  session_id: number;
  /** 'soon' (the lead time before start) or 'live'. */
  kind: 'soon' | 'live';
  notification_id: number | null;
  created_at: number;
}

export type RoomKind = 'question' | 'answer' | 'comment';
export type RoomState = 'visible' | 'hidden' | 'pending' | 'muted';

/** The room index (migration 003): each status of a session, classified when written. */
export interface SessionStatusesTable {
  session_id: number;
  status_id: number;
  account_id: number;
  kind: RoomKind;
  question_number: number | null;
  in_reply_to_id: number | null;
  room_state: Generated<RoomState>;
  /** 1: added after the session ended (a late reply inside a thread). */
  late: Generated<number>;
  spotlighted_at: number | null;
  created_at: number;
}

/** The agenda of a session: questions (numbered), intro and closing posts. */
export interface SessionQuestionsTable {
  id: Generated<number>;
  session_id: number;
  position: number;
  kind: 'question' | 'intro' | 'closing';
  text: string;
  image_url: string | null;
  image_alt: string | null;
  offset_minutes: number | null;
  state: 'draft' | 'scheduled' | 'published' | 'skipped';
  question_number: number | null;
  status_id: number | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A recap published as a status thread (migration 005): at most one per session. */
export interface SessionRecapsTable {
  session_id: number;
  /** The host who published it. */
  account_id: number;
  /** JSON array of status ids in thread order; '[]' while it is being written. */
  status_ids: string;
  /** Null while it is being written. */
  published_at: number | null;
  created_at: number;
}

/* Moderation and town hall (migration 004). Interfaces merge: these add to the ones above. */
export interface Database {
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
}

export interface ChatSessionsTable {
  /** 1: participants submit questions to a voted queue. */
  town_hall: Generated<number>;
  /** A status carrying the chat's hashtag and this marker (e.g. "#ask") becomes a submission. */
  submission_marker: string | null;
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
