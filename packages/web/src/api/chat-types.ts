import type { Account } from './types';

/** Entities of the chat API (our extension), shaped as the server serializes them. */

export type SessionState = 'scheduled' | 'live' | 'ended' | 'cancelled';

export interface ChatCategory {
  id: string;
  slug: string;
  name: string;
}

/** A guest of a session: an account with the badge the host gave it ("Guest expert"). */
export type SessionGuest = Account & { badge?: string };

export interface ChatSession {
  id: string;
  chat_id: string;
  chat_title?: string;
  hashtag?: string;
  title: string;
  /** UTC instants, ISO 8601 with Z. */
  starts_at: string;
  ends_at: string;
  /** The chat's home zone. */
  time_zone: string;
  state: SessionState;
  guests: SessionGuest[];
  /** Wall time in the chat's zone, "2027-10-19T20:00". */
  local_starts_at?: string;
  started_at?: string | null;
  ended_at?: string | null;
  extra_tag?: string | null;
  /** Participants may read the agenda's upcoming questions before they are asked. */
  agenda_public?: boolean;
  event?: { id: string; name: string; description: string } | null;
  url: string;
  room_url?: string;
  calendar_url?: string;
}

export interface ChatSchedule {
  /** Local date-time in the chat's zone, "2027-10-19T20:00". */
  starts_at: string;
  duration_minutes: number;
  rrule: string | null;
}

export interface Chat {
  id: string;
  hashtag: string;
  title: string;
  description: string;
  category: ChatCategory | null;
  language: string;
  time_zone: string;
  rules: string;
  schedule?: ChatSchedule | null;
  url: string;
  room_url?: string;
  calendar_url?: string;
  owner?: Account;
  /** Everyone with host powers, the owner first. */
  hosts: Account[];
  co_hosts?: Account[];
  following: boolean;
  followers_count?: number;
  next_session: ChatSession | null;
  /** Whether the chat holds its hashtag (an admin may release it). */
  claimed?: boolean;
}

/** A chat's page: the chat with its next sessions and its latest past ones. */
export interface ChatPage extends Chat {
  upcoming_sessions: ChatSession[];
  past_sessions: ChatSession[];
}

export interface DirectoryEntry {
  session: ChatSession;
  chat: Chat;
}

/** The directory in sections; `upcoming` is grouped by local day ("2027-10-19") in `time_zone`. */
export interface Directory {
  generated_at: string;
  time_zone: string;
  live: DirectoryEntry[];
  starting_soon: DirectoryEntry[];
  upcoming: { date: string; sessions: DirectoryEntry[] }[];
}

export interface ChatInput {
  hashtag: string;
  title: string;
  description: string;
  category: string | null;
  language: string;
  time_zone: string;
  rules: string;
  schedule: ChatSchedule;
}

export type ChatPatch = Partial<Omit<ChatInput, 'hashtag'>>;

export interface ChatPreferences {
  /** Minutes before a session's start to be reminded; 0: only the "live now" reminder. */
  reminder_minutes: number;
}

/** The `chat_reminder` notification's extra fields. */
export interface ChatReminderFields {
  chat_session?: ChatSession;
  reminder?: 'soon' | 'live';
}
