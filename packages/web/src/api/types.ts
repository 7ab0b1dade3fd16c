import type { ChatReminderFields } from './chat-types';
import type { StatusChat } from './live-types';

/** Entities of the server API, shaped exactly as Mastodon's (only the fields the web app reads). */

export interface Account {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  note: string;
  url: string;
  avatar: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  created_at: string;
}

export interface StatusMention {
  id: string;
  username: string;
  acct: string;
  url: string;
}

export interface StatusTag {
  name: string;
  url: string;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface Status {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  visibility: Visibility;
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  favourited?: boolean;
  reblogged?: boolean;
  content: string;
  reblog: Status | null;
  account: Account;
  mentions: StatusMention[];
  tags: StatusTag[];
  /** In a session's room (our extension): question n, answer to n, or a comment. */
  chat?: StatusChat;
}

export interface TagHistory {
  day: string;
  uses: string;
  accounts: string;
}

export interface Tag {
  name: string;
  url: string;
  history: TagHistory[];
  following?: boolean;
}

export type NotificationType = 'mention' | 'favourite' | 'reblog' | 'follow' | 'status' | 'chat_reminder';

/** A notification; a `chat_reminder` carries its session (our extension). */
export interface Notification extends ChatReminderFields {
  id: string;
  type: NotificationType | (string & {});
  created_at: string;
  account: Account;
  status?: Status | null;
}

export interface Relationship {
  id: string;
  following: boolean;
  followed_by: boolean;
  requested?: boolean;
}

export interface SearchResults {
  accounts: Account[];
  statuses: Status[];
  hashtags: Tag[];
}

/** Our extension: the cookie session of the web app. */
export interface Session {
  account: Account;
  csrf_token: string;
}

/** One page of a list plus the cursor for the next (older) page, if any. */
export interface Page<T> {
  items: T[];
  nextMaxId: string | null;
}
