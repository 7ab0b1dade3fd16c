import type { ChatSession } from './chat-types';
import type { Account, Status } from './types';

/** Entities of the transcript and recap API (our extension), shaped as the server serializes them. */

export interface RecapMinute {
  /** Minutes since the session went live. */
  minute: number;
  /** The minute's start, UTC ISO. */
  at: string;
  count: number;
}

export interface RecapTopAnswer {
  status: Status;
  question_number: number | null;
  favourites_count: number;
  reblogs_count: number;
}

export interface RecapLink {
  url: string;
  count: number;
  title: string | null;
  status_id: string;
}

export interface RecapExports {
  html: string;
  markdown: string;
  csv: string;
  json: string;
}

/** The figures of one session. */
export interface Recap {
  session: ChatSession;
  final: boolean;
  generated_at: string;
  statuses_count: number;
  late_statuses_count: number;
  participants_count: number;
  new_participants_count: number;
  returning_participants_count: number;
  hosts_statuses_count: number;
  /** 0–1, four decimals. */
  hosts_share: number;
  answers_per_question: { question_number: number; count: number }[];
  posts_per_minute: RecapMinute[];
  peak_minute: RecapMinute | null;
  top_participants: { account: Account; statuses_count: number }[];
  top_answers: RecapTopAnswer[];
  most_mentioned: { account: Account; mentions_count: number }[];
  links: RecapLink[];
  languages: { language: string; count: number }[];
  potential_reach: number;
  potential_impressions: number;
  /** How each figure is counted, by figure name. */
  definitions: Record<string, string>;
  published: { status_ids: string[]; published_at: string } | null;
  transcript_url: string;
  recap_url: string;
  exports: RecapExports;
}

/** The answer of `POST /sessions/:id/recap/publish`. */
export interface PublishedRecap {
  statuses: Status[];
  published_at: string;
  /** True when the thread had been published before (by this or another host). */
  already_published: boolean;
}

export interface SessionStats {
  session: ChatSession;
  statuses_count: number;
  participants_count: number;
  new_participants_count: number;
  returning_participants_count: number;
}

/** Every live or ended session of a chat side by side, oldest first. */
export interface ChatStats {
  chat_id: string;
  hashtag: string;
  sessions: SessionStats[];
  definitions: Record<string, string>;
}
