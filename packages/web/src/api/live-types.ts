import type { ChatSession } from './chat-types';
import type { Account, Status } from './types';

/** Entities of the live-session API (our extension), shaped as the server serializes them. */

export type RoomKind = 'question' | 'answer' | 'comment';

/** How a status sits in a session's room: question n, answer to n, or a comment. */
export interface StatusChat {
  session_id: string;
  kind: RoomKind;
  question_number: number | null;
  spotlighted?: boolean;
  /** Posted after the session ended (still on topic, shown apart in transcripts). */
  late?: boolean;
  /** Everyone sees 'visible' statuses; an author also their own muted or pending ones, hosts all in the console. */
  room_state?: 'visible' | 'hidden' | 'pending' | 'muted';
  /** The author's badge in this session. */
  author_role?: 'host' | 'co_host' | 'guest' | null;
}

export type QuestionKind = 'question' | 'intro' | 'closing';
export type QuestionState = 'draft' | 'scheduled' | 'published' | 'skipped';

/** One item of a session's agenda. */
export interface Question {
  id: string;
  session_id: string;
  position: number;
  kind: QuestionKind;
  text: string;
  /** Minutes after the session's start at which the scheduler publishes it; null: only by Next. */
  offset_minutes: number | null;
  state: QuestionState;
  /** The n of "Qn" once numbered (questions only; intro and closing posts have none). */
  question_number: number | null;
  status: Status | null;
  /** When the scheduler will publish it (UTC ISO), or null. */
  publish_at: string | null;
  published_at?: string | null;
}

export interface QuestionInput {
  text: string;
  offset_minutes: number | null;
  kind?: QuestionKind;
}

export interface LiveCounters {
  people_in_room: number;
  participants: number;
  posts_per_minute: number;
  statuses: number;
}

/** A session's live state in one read: the current question, the numbers, the pinned statuses. */
export interface LiveState {
  session: ChatSession;
  agenda_public: boolean;
  current_question: Question | null;
  /** The next unpublished item, when the viewer may see it (hosts; everyone when the agenda is public). */
  next_question?: Question | null;
  counters: LiveCounters;
  spotlighted: Status[];
}

/** A participant who posted and has had no reply or like from a host yet. */
export interface Acknowledgement {
  account: Account;
  statuses_count: number;
  last_status: Status;
  /** When their first unanswered status was posted. */
  waiting_since?: string;
}

/** The `chat.spotlight` event: a status was pinned to, or unpinned from, the top of the room. */
export interface SpotlightChange {
  status_id: string;
  spotlighted: boolean;
  status: Status | null;
}
