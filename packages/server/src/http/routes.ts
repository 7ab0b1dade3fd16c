import type { FastifyInstance } from 'fastify';
import type { Context } from '../context';
import type { RouteModule } from './route-module';
import { domainBlockRoutes } from './routes/admin/domain-blocks';
import { federationStatusRoutes } from './routes/admin/federation-status';
import { apiDocsRoutes } from './routes/api-docs';
import { chatCalendarRoutes } from './routes/chats/calendar';
import { chatCategoryRoutes } from './routes/chats/categories';
import { chatRoutes } from './routes/chats/chats';
import { directoryRoutes } from './routes/chats/directory';
import { chatMemberRoutes } from './routes/chats/members';
import { chatPreferenceRoutes } from './routes/chats/preferences';
import { chatSessionRoutes } from './routes/chats/sessions';
import { chatStreamRoutes } from './routes/chats/stream';
import { wellKnownRoutes } from './routes/discovery/well-known';
import { liveQuestionRoutes } from './routes/live/questions';
import { liveRoomRoutes } from './routes/live/room';
import { liveSpotlightRoutes } from './routes/live/spotlight';
import { absentFeatureRoutes } from './routes/mastodon/absent-features';
import { accountSearchRoutes } from './routes/mastodon/account-search';
import { accountRoutes } from './routes/mastodon/accounts';
import { appRoutes } from './routes/mastodon/apps';
import { conversationRoutes } from './routes/mastodon/conversations';
import { featuredTagRoutes } from './routes/mastodon/featured-tags';
import { filterRoutes } from './routes/mastodon/filters';
import { instanceRoutes } from './routes/mastodon/instance';
import { listRoutes } from './routes/mastodon/lists';
import { markerRoutes } from './routes/mastodon/markers';
import { mediaRoutes } from './routes/mastodon/media';
import { notificationRoutes } from './routes/mastodon/notifications';
import { oauthRoutes } from './routes/mastodon/oauth';
import { pollRoutes } from './routes/mastodon/polls';
import { preferenceRoutes } from './routes/mastodon/preferences';
import { savedStatusRoutes } from './routes/mastodon/saved-statuses';
import { scheduledStatusRoutes } from './routes/mastodon/scheduled-statuses';
import { searchRoutes } from './routes/mastodon/search';
import { statusEditRoutes } from './routes/mastodon/status-edits';
import { statusRoutes } from './routes/mastodon/statuses';
import { streamingRoutes } from './routes/mastodon/streaming';
import { tagRoutes } from './routes/mastodon/tags';
import { timelineRoutes } from './routes/mastodon/timelines';
import { trendRoutes } from './routes/mastodon/trends';
import { blockRoutes } from './routes/moderation/blocks';
import { moderationReportRoutes } from './routes/moderation/reports';
import { moderationRoomRoutes } from './routes/moderation/room';
import { moderationSettingsRoutes } from './routes/moderation/settings';
import { townHallRoutes } from './routes/moderation/town-hall';
import { opsRoutes } from './routes/ops';
import { transcriptPageRoutes } from './routes/transcripts/page';
import { recapRoutes } from './routes/transcripts/recap';
import { chatStatsRoutes } from './routes/transcripts/stats';
import { transcriptRoutes } from './routes/transcripts/transcript';
import { mediaFileRoutes } from './routes/web/media-files';
import { sessionRoutes } from './routes/web/session';
import { webAppRoutes } from './routes/web/static';

/** Every route module, in one list: the Mastodon subset, our extensions, then the web app. */
const modules: RouteModule[] = [
  opsRoutes,
  wellKnownRoutes,
  appRoutes,
  oauthRoutes,
  accountRoutes,
  accountSearchRoutes,
  statusRoutes,
  mediaRoutes,
  statusEditRoutes,
  scheduledStatusRoutes,
  pollRoutes,
  timelineRoutes,
  listRoutes,
  filterRoutes,
  featuredTagRoutes,
  conversationRoutes,
  tagRoutes,
  searchRoutes,
  notificationRoutes,
  instanceRoutes,
  preferenceRoutes,
  markerRoutes,
  absentFeatureRoutes,
  trendRoutes,
  savedStatusRoutes,
  streamingRoutes,
  chatRoutes,
  directoryRoutes,
  chatCategoryRoutes,
  chatPreferenceRoutes,
  chatSessionRoutes,
  chatMemberRoutes,
  chatCalendarRoutes,
  chatStreamRoutes,
  liveQuestionRoutes,
  liveRoomRoutes,
  liveSpotlightRoutes,
  blockRoutes,
  moderationRoomRoutes,
  moderationSettingsRoutes,
  moderationReportRoutes,
  townHallRoutes,
  domainBlockRoutes,
  federationStatusRoutes,
  transcriptRoutes,
  recapRoutes,
  chatStatsRoutes,
  transcriptPageRoutes,
  mediaFileRoutes,
  sessionRoutes,
  apiDocsRoutes,
  webAppRoutes,
];

export async function registerRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  for (const m of modules) await m(app, ctx);
}
