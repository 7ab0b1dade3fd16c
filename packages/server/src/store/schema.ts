import type { AccountFeatureTables } from './schema/account-features';
import type { ChatTables } from './schema/chats';
import type { CoreTables } from './schema/core';
import type { FederationTables } from './schema/federation';
import type { FederationDeliveryTables } from './schema/federation-delivery';
import type { MediaTables } from './schema/media';
import type { ModerationTables } from './schema/moderation';
import type { StatusFeatureTables } from './schema/status-features';

/**
 * The database as Kysely sees it. Times are epoch milliseconds and flags are 0/1 integers on
 * both dialects, so the same rows read the same from SQLite and PostgreSQL. Each area's tables
 * are declared in schema/<area>.ts; this is their union, and where the rest of the code imports
 * table types from.
 */
export interface Database
  extends CoreTables,
    ChatTables,
    ModerationTables,
    MediaTables,
    StatusFeatureTables,
    AccountFeatureTables,
    FederationDeliveryTables,
    FederationTables {}

export type {
  FeaturedTagsTable,
  FilterAction,
  FilterKeywordsTable,
  FilterStatusesTable,
  FiltersTable,
  ListAccountsTable,
  ListsTable,
  RepliesPolicy,
  StatusPinsTable,
} from './schema/account-features';
export type {
  CalendarFeedsTable,
  ChatCategoriesTable,
  ChatClaimsTable,
  ChatCoHostsTable,
  ChatEventsTable,
  ChatFollowsTable,
  ChatPreferencesTable,
  ChatRemindersSentTable,
  ChatSessionGuestsTable,
  ChatSessionState,
  ChatSessionsTable,
  ChatsTable,
  RoomKind,
  RoomState,
  SessionQuestionsTable,
  SessionRecapsTable,
  SessionStatusesTable,
} from './schema/chats';
export type {
  AccountsTable,
  AppsTable,
  BookmarksTable,
  EventsTable,
  EventTopicsTable,
  FavouritesTable,
  FollowsTable,
  IdempotencyKeysTable,
  JobsTable,
  MarkersTable,
  MarkerTimeline,
  MentionsTable,
  NotificationsTable,
  NotificationType,
  OAuthCodesTable,
  StatusesTable,
  StatusTagsTable,
  TagFollowsTable,
  TagsTable,
  TokensTable,
  Visibility,
} from './schema/core';
export type {
  ActorKeysTable,
  ActorKind,
  ChatRemoteFollowersTable,
  FollowRequestsTable,
  KeyAlgorithm,
} from './schema/federation';
export type {
  DomainAllowsTable,
  DomainBlockSeverity,
  DomainBlocksTable,
  FederationDeliveriesTable,
  FederationKvTable,
  FederationQueueTable,
  QueueState,
} from './schema/federation-delivery';
export type { MediaAttachmentsTable, MediaState, MediaType } from './schema/media';
export type {
  AccountBlocksTable,
  AccountMutesTable,
  AccountReportsTable,
  ChatBansTable,
  ChatModerationSettingsTable,
  ChatReportsTable,
  HoldState,
  ModerationActionsTable,
  ReportCategory,
  StatusHoldsTable,
  SubmissionState,
  SubmissionsTable,
  SubmissionVotesTable,
} from './schema/moderation';
export type {
  PollOptionsTable,
  PollsTable,
  PollVotesTable,
  ScheduledStatusesTable,
  StatusEditsTable,
} from './schema/status-features';
