import type { Generated } from 'kysely';

/** Accounts, OAuth, statuses and their links, notifications, the event outbox and jobs. */
export interface CoreTables {
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
  markers: MarkersTable;
  bookmarks: BookmarksTable;
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
  /** Null for a local account; the server's host (`example.com`) for a remote one. */
  domain: Generated<string | null>;
  /** A remote account's ActivityPub id (its actor document). */
  uri: Generated<string | null>;
  /** A remote account's profile page. */
  url: Generated<string | null>;
  inbox_url: Generated<string | null>;
  shared_inbox_url: Generated<string | null>;
  followers_url: Generated<string | null>;
  /** A remote account's main public key, `{"id": …, "pem": …}`. */
  public_key: Generated<string | null>;
  /** When the remote actor document was last read. */
  fetched_at: Generated<number | null>;
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
  /** A remote status's ActivityPub id (null: local, its id is derived from the row). */
  uri: Generated<string | null>;
  /** A remote status's page on its own server. */
  url: Generated<string | null>;
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
  | 'submission_answered'
  | 'poll'
  | 'update';

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
