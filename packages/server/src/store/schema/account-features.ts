import type { Generated } from 'kysely';

/** Lists, filters, pinned statuses, featured hashtags and conversations (migration 017). */
export interface AccountFeatureTables {
  lists: ListsTable;
  list_accounts: ListAccountsTable;
  filters: FiltersTable;
  filter_keywords: FilterKeywordsTable;
  filter_statuses: FilterStatusesTable;
  status_pins: StatusPinsTable;
  featured_tags: FeaturedTagsTable;
  conversations: ConversationsTable;
  conversation_statuses: ConversationStatusesTable;
}

/** One account's view of a direct conversation: who else is in it, its latest status, unread. */
export interface ConversationsTable {
  id: Generated<number>;
  account_id: number;
  participant_ids: string;
  last_status_id: number;
  unread: number;
}

export interface ConversationStatusesTable {
  conversation_id: number;
  status_id: number;
}

export type RepliesPolicy = 'followed' | 'list' | 'none';

export interface ListsTable {
  id: Generated<number>;
  account_id: number;
  title: string;
  replies_policy: RepliesPolicy;
  exclusive: number;
  created_at: number;
}

/** A followed account on one of the follower's lists. */
export interface ListAccountsTable {
  id: Generated<number>;
  list_id: number;
  account_id: number;
  created_at: number;
}

export type FilterAction = 'warn' | 'hide' | 'blur';

export interface FiltersTable {
  id: Generated<number>;
  account_id: number;
  title: string;
  /** Comma-separated contexts. */
  context: string;
  filter_action: FilterAction;
  expires_at: number | null;
  created_at: number;
}

export interface FilterKeywordsTable {
  id: Generated<number>;
  filter_id: number;
  keyword: string;
  whole_word: number;
  created_at: number;
}

export interface FilterStatusesTable {
  id: Generated<number>;
  filter_id: number;
  status_id: number;
  created_at: number;
}

export interface StatusPinsTable {
  id: Generated<number>;
  account_id: number;
  status_id: number;
  created_at: number;
}

export interface FeaturedTagsTable {
  id: Generated<number>;
  account_id: number;
  tag_id: number;
  created_at: number;
}
