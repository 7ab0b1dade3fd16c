import type { CuratedReason } from '@hashchat/core/chat/curated';
import type { Generated } from 'kysely';

/** Chats, their sessions and events, reminders, the room index, agendas and recaps. */
export interface ChatTables {
  chat_categories: ChatCategoriesTable;
  chats: ChatsTable;
  chat_claims: ChatClaimsTable;
  chat_co_hosts: ChatCoHostsTable;
  chat_follows: ChatFollowsTable;
  chat_events: ChatEventsTable;
  chat_sessions: ChatSessionsTable;
  session_statuses: SessionStatusesTable;
  curated_samples: CuratedSamplesTable;
  session_questions: SessionQuestionsTable;
  chat_session_guests: ChatSessionGuestsTable;
  chat_preferences: ChatPreferencesTable;
  calendar_feeds: CalendarFeedsTable;
  chat_reminders_sent: ChatRemindersSentTable;
  session_recaps: SessionRecapsTable;
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
  /** What the chat's Group announces on the fediverse: every status of a live session, or its questions. */
  fediverse_announces: Generated<'all' | 'questions'>;
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
  /* Town hall (migration 004). */
  /** 1: participants submit questions to a voted queue. */
  town_hall: Generated<number>;
  /** A status carrying the chat's hashtag and this marker (e.g. "#ask") becomes a submission. */
  submission_marker: string | null;
  /** When the chat's Group reminded its remote followers of the session (migration 024). */
  group_reminded_at: number | null;
  /** Above how many people in the room the web app shows the curated stream; null: never (migration 025). */
  curated_threshold: number | null;
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
/** Per session, the last status the curated stream's sample admitted (migration 025). */
export interface CuratedSamplesTable {
  session_id: number;
  /** Its slot (core/chat/curated.ts `sampleSlot`); -1 before the first. */
  slot: number;
  account_id: number;
}

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
  /** Why the status went to the session's curated topic (null: it did not), and when (migration 025). */
  curated: CuratedReason | null;
  curated_at: number | null;
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
