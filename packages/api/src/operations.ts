import { z } from 'zod';
import {
  accountSchema,
  authSessionSchema,
  credentialAccountSchema,
  mutedAccountSchema,
  relationshipSchema,
} from './entities/account';
import { applicationSchema, credentialApplicationSchema, tokenSchema } from './entities/application';
import {
  calendarFeedSchema,
  chatCategorySchema,
  chatPageSchema,
  chatPreferencesSchema,
  chatSchema,
  chatSessionSchema,
  directorySchema,
} from './entities/chat';
import { conversationSchema } from './entities/conversation';
import { featuredTagSchema } from './entities/featured-tag';
import {
  adminDomainAllowSchema,
  adminDomainBlockSchema,
  domainBlockSchema,
  federationStatusSchema,
} from './entities/federation-admin';
import { filterKeywordSchema, filterSchema, filterStatusSchema, filterV1Schema } from './entities/filter';
import { extendedDescriptionSchema, instanceSchema, instanceV1Schema, ruleSchema } from './entities/instance';
import { listSchema } from './entities/list';
import {
  acknowledgementSchema,
  liveStateSchema,
  questionSchema,
  spotlightChangeSchema,
} from './entities/live';
import { markersSchema, preferencesSchema } from './entities/markers';
import { mediaAttachmentSchema } from './entities/media';
import {
  accountReportSchema,
  loggedActionSchema,
  moderationQueueSchema,
  moderationSettingsSchema,
  moderationStatsSchema,
  reportSchema,
  slowModeSchema,
  submissionSchema,
  townHallSchema,
} from './entities/moderation';
import { notificationSchema } from './entities/notification';
import { pollSchema } from './entities/poll';
import { chatStatsSchema, publishedRecapSchema, recapSchema, transcriptSchema } from './entities/recap';
import { scheduledStatusSchema } from './entities/scheduled-status';
import { searchResultsSchema } from './entities/search';
import { roomStatusSchema, statusContextSchema, statusSchema } from './entities/status';
import { statusEditSchema, statusSourceSchema } from './entities/status-edit';
import { tagSchema } from './entities/tag';
import {
  accountSearchQuery,
  accountStatusesQuery,
  appCreateBody,
  authorizeForm,
  authorizeQuery,
  credentialsBody,
  featuredTagBody,
  followBody,
  lookupQuery,
  registrationBody,
  relationshipsQuery,
  revokeBody,
  signInBody,
  tokenBody,
} from './requests/accounts';
import {
  adminPageQuery,
  domainAllowBody,
  domainBlockCreateBody,
  domainBlockUpdateBody,
  federationStatusQuery,
} from './requests/admin';
import {
  calendarFeedParams,
  categoryCreateBody,
  categoryRenameBody,
  chatCreateSchema,
  chatListQuery,
  chatPatchSchema,
  chatPreferencesBody,
  chatStreamQuery,
  chatTagParams,
  coHostBody,
  coHostParams,
  directoryQuery,
  eventCreateSchema,
  sessionCreateSchema,
  sessionListQuery,
  sessionPatchSchema,
} from './requests/chats';
import { idParam, pageParams } from './requests/fields';
import {
  filterCreateBody,
  filterIdParams,
  filterKeywordBody,
  filterKeywordUpdateBody,
  filterStatusBody,
  filterUpdateBody,
  withKeywordAttributes,
} from './requests/filters';
import {
  listAccountsBody,
  listCreateBody,
  listIdParams,
  listMembersQuery,
  listStreamQuery,
  listUpdateBody,
} from './requests/lists';
import {
  agendaNextBody,
  agendaReorderBody,
  questionCreateBody,
  questionPatchBody,
  roomQuery,
  spotlightBody,
  spotlightStatusParams,
} from './requests/live';
import {
  accountReportBody,
  carryOverBody,
  curateBody,
  mergeBody,
  moderationLogQuery,
  moderationSettingsBody,
  muteBody,
  reportBody,
  reportListQuery,
  reportResolveBody,
  roomActionBody,
  submissionBody,
  submissionListQuery,
  townHallBody,
} from './requests/moderation';
import { avatarParams, mediaFileParams } from './requests/pages';
import {
  mediaFields,
  pollVoteBody,
  scheduledStatusUpdateBody,
  statusCreateBody,
  statusEditBody,
  withPoll,
} from './requests/statuses';
import {
  hashtagParams,
  hashtagStreamQuery,
  markerBody,
  markersQuery,
  notificationsQuery,
  publicTimelineQuery,
  searchQuery,
  tagNameParams,
  tagTimelineQuery,
  trendsQuery,
} from './requests/timelines';
import { chatStatsQuery, transcriptQuery } from './requests/transcripts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The groups of the reference; `mastodon` ones follow Mastodon's API, the others are our extension. */
export const TAGS = {
  ops: { origin: 'hashchat', description: 'Health, readiness and metrics.' },
  oauth: {
    origin: 'mastodon',
    description: 'Apps and OAuth 2 (authorization code with PKCE, client credentials).',
  },
  accounts: { origin: 'mastodon', description: 'Accounts, follows, relationships, blocks and mutes.' },
  statuses: { origin: 'mastodon', description: 'Posting, reading and interacting with statuses.' },
  media: { origin: 'mastodon', description: 'Uploading images to attach to statuses.' },
  timelines: { origin: 'mastodon', description: 'Home, public, hashtag and list timelines.' },
  lists: { origin: 'mastodon', description: 'Lists of followed accounts, with their timelines.' },
  filters: { origin: 'mastodon', description: 'Filters: keywords and statuses hidden or warned about.' },
  tags: { origin: 'mastodon', description: 'Hashtags and followed hashtags.' },
  search: { origin: 'mastodon', description: 'Search of accounts, hashtags and statuses.' },
  notifications: { origin: 'mastodon', description: 'Notifications.' },
  instance: { origin: 'mastodon', description: 'What this server is and its limits.' },
  streaming: {
    origin: 'mastodon',
    description: 'Server-sent event streams (the chat stream is our extension).',
  },
  auth: { origin: 'hashchat', description: "The web app's cookie session." },
  chats: { origin: 'hashchat', description: 'Chats, categories, the directory, follows and co-hosts.' },
  sessions: { origin: 'hashchat', description: 'Sessions of a chat and their calendars.' },
  live: { origin: 'hashchat', description: 'The live room: agenda, spotlight, counters, acknowledgements.' },
  moderation: { origin: 'hashchat', description: 'Room moderation, reports and settings.' },
  'town hall': { origin: 'hashchat', description: 'Submitted questions, votes and curation.' },
  transcripts: { origin: 'hashchat', description: 'Transcripts, exports, recaps and statistics.' },
  pages: { origin: 'hashchat', description: 'Server-rendered pages and files outside the JSON API.' },
  admin: {
    origin: 'mastodon',
    description: 'Federation administration (admins only): domain blocks and the allow-list.',
  },
  federation: { origin: 'hashchat', description: 'Delivery health of federation, for admins.' },
} as const satisfies Record<string, { origin: 'mastodon' | 'hashchat'; description: string }>;
export type Tag = keyof typeof TAGS;

export interface Operation {
  method: Method;
  /** The path in OpenAPI form: `{id}` for a parameter. */
  path: string;
  tag: Tag;
  summary: string;
  /** The 200 body: a schema (JSON), or the media type of a non-JSON answer. */
  response: z.ZodType | string;
  /** The request's schemas, as the server parses them (the document shows their input side). */
  params: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
}

/**
 * The schema of each path parameter, by name, as the routes parse it. A route whose parameter
 * means something else under the same name gives its own `params`.
 */
const PATH_PARAMS: Record<string, z.ZodType> = {
  id: idParam.shape.id,
  account_id: coHostParams.shape.account_id,
  status_id: spotlightStatusParams.shape.status_id,
  tag: chatTagParams.shape.tag,
  name: tagNameParams.shape.name,
  hashtag: hashtagParams.shape.hashtag,
  list_id: listIdParams.shape.list_id,
  filter_id: filterIdParams.shape.filter_id,
  file: calendarFeedParams.shape.file,
};

const paramsOf = (path: string): z.ZodObject =>
  z.object(
    Object.fromEntries(
      [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
        const schema = PATH_PARAMS[name];
        if (!schema) throw new Error(`${path}: no schema for the path parameter {${name}}`);
        return [name, schema];
      }),
    ),
  );

type Extra = Partial<Pick<Operation, 'params' | 'query' | 'body'>>;
const op =
  (method: Method) =>
  (path: string, tag: Tag, summary: string, response: z.ZodType | string, extra: Extra = {}): Operation => ({
    method,
    path,
    tag,
    summary,
    response,
    ...extra,
    params: extra.params ?? paramsOf(path),
  });
const get = op('GET');
const post = op('POST');
const put = op('PUT');
const patch = op('PATCH');
const del = op('DELETE');

const list = <T extends z.ZodType>(s: T) => z.array(s);
const empty = z.object({}).meta({ id: 'Empty' });
/** The element of a list that is always empty here (the feature does not exist yet). */
const nothing = z.never();
const page = { query: pageParams };
const SSE = 'text/event-stream';
const HTML = 'text/html';
const ICS = 'text/calendar';
/** A muted account carries when its mute ends (null: until undone). */
const eventSeries = z.looseObject({ chat_id: z.string(), sessions: list(chatSessionSchema) });

/**
 * Every route the server registers, one line each (the OpenAPI test fails when a route is
 * missing here or a line has no route). Add a line when you add a route.
 */
export const operations: Operation[] = [
  get('/health', 'ops', 'Liveness', z.object({ status: z.literal('ok') })),
  get('/ready', 'ops', 'Readiness: the database and bus answer', z.looseObject({ status: z.string() })),
  get('/metrics', 'ops', 'Prometheus metrics', 'text/plain'),

  post('/api/v1/apps', 'oauth', 'Register an application', credentialApplicationSchema, {
    body: appCreateBody,
  }),
  get('/api/v1/apps/verify_credentials', 'oauth', "The token's application", applicationSchema),
  get('/oauth/authorize', 'oauth', 'The authorization page', HTML, { query: authorizeQuery }),
  post('/oauth/authorize', 'oauth', 'Approve or deny an authorization', HTML, { body: authorizeForm }),
  post('/oauth/token', 'oauth', 'Obtain a token', tokenSchema, { body: tokenBody }),
  post('/oauth/revoke', 'oauth', 'Revoke a token', empty, { body: revokeBody }),

  post('/api/v1/accounts', 'accounts', 'Register an account (with an app token)', tokenSchema, {
    body: registrationBody,
  }),
  get('/api/v1/accounts/verify_credentials', 'accounts', 'The viewer', credentialAccountSchema),
  patch(
    '/api/v1/accounts/update_credentials',
    'accounts',
    "Update the viewer's profile",
    credentialAccountSchema,
    { body: credentialsBody },
  ),
  get('/api/v1/accounts/relationships', 'accounts', 'Relationships with accounts', list(relationshipSchema), {
    query: relationshipsQuery,
  }),
  get('/api/v1/accounts/lookup', 'accounts', 'An account by username', accountSchema, { query: lookupQuery }),
  get('/api/v1/accounts/{id}', 'accounts', 'An account', accountSchema),
  get('/api/v1/accounts/{id}/statuses', 'accounts', "An account's statuses", list(statusSchema), {
    query: accountStatusesQuery,
  }),
  get('/api/v1/accounts/{id}/followers', 'accounts', "An account's followers", list(accountSchema), page),
  get(
    '/api/v1/accounts/{id}/following',
    'accounts',
    'Accounts an account follows',
    list(accountSchema),
    page,
  ),
  post('/api/v1/accounts/{id}/follow', 'accounts', 'Follow an account', relationshipSchema, {
    body: followBody,
  }),
  post('/api/v1/accounts/{id}/unfollow', 'accounts', 'Unfollow an account', relationshipSchema),
  post('/api/v1/accounts/{id}/block', 'accounts', 'Block an account', relationshipSchema),
  post(
    '/api/v1/reports',
    'accounts',
    'Report an account to the server (and forward it to theirs)',
    accountReportSchema,
    {
      body: accountReportBody,
    },
  ),
  post('/api/v1/accounts/{id}/unblock', 'accounts', 'Unblock an account', relationshipSchema),
  post('/api/v1/accounts/{id}/mute', 'accounts', 'Mute an account', relationshipSchema, { body: muteBody }),
  post('/api/v1/accounts/{id}/unmute', 'accounts', 'Unmute an account', relationshipSchema),
  get('/api/v1/blocks', 'accounts', 'Blocked accounts', list(accountSchema), page),
  get('/api/v1/mutes', 'accounts', 'Muted accounts', list(mutedAccountSchema), page),

  post(
    '/api/v1/statuses',
    'statuses',
    'Post a status (or schedule it, with scheduled_at)',
    z.union([statusSchema, scheduledStatusSchema]),
    { body: withPoll(statusCreateBody) },
  ),
  post('/api/v2/media', 'media', 'Upload an image (processed later: 202)', mediaAttachmentSchema, {
    body: mediaFields,
  }),
  post('/api/v1/media', 'media', 'Upload an image (processed at once)', mediaAttachmentSchema, {
    body: mediaFields,
  }),
  get('/api/v1/media/{id}', 'media', 'An upload of the caller (206 while processed)', mediaAttachmentSchema),
  put(
    '/api/v1/media/{id}',
    'media',
    "Change an unattached upload's alt text or focus",
    mediaAttachmentSchema,
    {
      body: mediaFields,
    },
  ),
  get(
    '/api/v1/scheduled_statuses',
    'statuses',
    "The viewer's scheduled statuses",
    list(scheduledStatusSchema),
    page,
  ),
  get('/api/v1/scheduled_statuses/{id}', 'statuses', 'A scheduled status', scheduledStatusSchema),
  put('/api/v1/scheduled_statuses/{id}', 'statuses', 'Move a scheduled status', scheduledStatusSchema, {
    body: scheduledStatusUpdateBody,
  }),
  del('/api/v1/scheduled_statuses/{id}', 'statuses', 'Cancel a scheduled status', empty),
  get('/api/v1/polls/{id}', 'statuses', 'A poll', pollSchema),
  post('/api/v1/polls/{id}/votes', 'statuses', 'Vote on a poll', pollSchema, { body: pollVoteBody }),
  get('/api/v1/statuses/{id}', 'statuses', 'A status', statusSchema),
  del('/api/v1/statuses/{id}', 'statuses', 'Delete a status', statusSchema),
  put('/api/v1/statuses/{id}', 'statuses', 'Edit a status (the author only)', statusSchema, {
    body: withPoll(statusEditBody),
  }),
  get(
    '/api/v1/statuses/{id}/history',
    'statuses',
    "A status's versions, oldest first",
    list(statusEditSchema),
  ),
  get('/api/v1/statuses/{id}/source', 'statuses', "A status's plain text, to edit", statusSourceSchema),
  get('/api/v1/statuses/{id}/context', 'statuses', "A status's ancestors and replies", statusContextSchema),
  post('/api/v1/statuses/{id}/favourite', 'statuses', 'Favourite a status', statusSchema),
  post(
    '/api/v1/statuses/{id}/pin',
    'statuses',
    'Pin an own public or unlisted status to the profile (5 at most)',
    statusSchema,
  ),
  post('/api/v1/statuses/{id}/unpin', 'statuses', 'Unpin a status', statusSchema),
  post('/api/v1/statuses/{id}/unfavourite', 'statuses', 'Undo a favourite', statusSchema),
  post('/api/v1/statuses/{id}/reblog', 'statuses', 'Boost a status', statusSchema),
  post('/api/v1/statuses/{id}/unreblog', 'statuses', 'Undo a boost', statusSchema),
  get('/api/v1/statuses/{id}/favourited_by', 'statuses', 'Who favourited', list(accountSchema), page),
  get('/api/v1/statuses/{id}/reblogged_by', 'statuses', 'Who boosted', list(accountSchema), page),

  get('/api/v1/timelines/home', 'timelines', 'The home timeline', list(statusSchema), page),
  get('/api/v1/timelines/public', 'timelines', 'The public timeline', list(statusSchema), {
    query: publicTimelineQuery,
  }),
  get('/api/v1/timelines/tag/{hashtag}', 'timelines', 'A hashtag timeline', list(statusSchema), {
    query: tagTimelineQuery,
  }),

  get(
    '/api/v1/timelines/list/{list_id}',
    'timelines',
    "A list's timeline (the owner's only)",
    list(statusSchema),
    page,
  ),
  get('/api/v1/lists', 'lists', "The viewer's lists", list(listSchema)),
  get('/api/v1/lists/{id}', 'lists', "One of the viewer's lists", listSchema),
  post('/api/v1/lists', 'lists', 'Create a list', listSchema, { body: listCreateBody }),
  put('/api/v1/lists/{id}', 'lists', 'Rename a list or change its policies', listSchema, {
    body: listUpdateBody,
  }),
  del('/api/v1/lists/{id}', 'lists', 'Delete a list', empty),
  get('/api/v1/lists/{id}/accounts', 'lists', "A list's accounts", list(accountSchema), {
    query: listMembersQuery,
  }),
  post('/api/v1/lists/{id}/accounts', 'lists', 'Add followed accounts to a list', empty, {
    body: listAccountsBody,
  }),
  del('/api/v1/lists/{id}/accounts', 'lists', 'Remove accounts from a list', empty, {
    body: listAccountsBody,
  }),
  get('/api/v1/accounts/{id}/lists', 'lists', "The viewer's lists holding an account", list(listSchema)),

  get('/api/v2/filters', 'filters', "The viewer's filters", list(filterSchema)),
  get('/api/v2/filters/{id}', 'filters', 'A filter', filterSchema),
  post('/api/v2/filters', 'filters', 'Create a filter', filterSchema, {
    body: withKeywordAttributes(filterCreateBody),
  }),
  put('/api/v2/filters/{id}', 'filters', 'Change a filter and its keywords', filterSchema, {
    body: withKeywordAttributes(filterUpdateBody),
  }),
  del('/api/v2/filters/{id}', 'filters', 'Delete a filter', empty),
  get('/api/v2/filters/{filter_id}/keywords', 'filters', "A filter's keywords", list(filterKeywordSchema)),
  post('/api/v2/filters/{filter_id}/keywords', 'filters', 'Add a keyword', filterKeywordSchema, {
    body: filterKeywordBody,
  }),
  get('/api/v2/filters/keywords/{id}', 'filters', 'A keyword', filterKeywordSchema),
  put('/api/v2/filters/keywords/{id}', 'filters', 'Change a keyword', filterKeywordSchema, {
    body: filterKeywordUpdateBody,
  }),
  del('/api/v2/filters/keywords/{id}', 'filters', 'Remove a keyword', empty),
  get('/api/v2/filters/{filter_id}/statuses', 'filters', "A filter's statuses", list(filterStatusSchema)),
  post('/api/v2/filters/{filter_id}/statuses', 'filters', 'Add a status to a filter', filterStatusSchema, {
    body: filterStatusBody,
  }),
  get('/api/v2/filters/statuses/{id}', 'filters', 'A filtered status', filterStatusSchema),
  del('/api/v2/filters/statuses/{id}', 'filters', 'Take a status out of a filter', filterStatusSchema),
  get(
    '/api/v1/filters',
    'filters',
    'The keywords of v2 filters, one v1 filter each (read only)',
    list(filterV1Schema),
  ),

  get('/api/v1/tags/{name}', 'tags', 'A hashtag', tagSchema),
  post('/api/v1/tags/{name}/follow', 'tags', 'Follow a hashtag', tagSchema),
  post('/api/v1/tags/{name}/unfollow', 'tags', 'Unfollow a hashtag', tagSchema),
  get('/api/v1/followed_tags', 'tags', 'Followed hashtags', list(tagSchema), page),

  get('/api/v2/search', 'search', 'Search', searchResultsSchema, { query: searchQuery }),

  get('/api/v1/notifications', 'notifications', 'Notifications', list(notificationSchema), {
    query: notificationsQuery,
  }),
  get('/api/v1/notifications/{id}', 'notifications', 'A notification', notificationSchema),
  post('/api/v1/notifications/{id}/dismiss', 'notifications', 'Dismiss a notification', empty),
  post('/api/v1/notifications/clear', 'notifications', 'Dismiss all notifications', empty),

  get('/api/v1/instance', 'instance', 'The instance (v1)', instanceV1Schema),
  get('/api/v2/instance', 'instance', 'The instance', instanceSchema),
  get('/api/v1/instance/rules', 'instance', "The server's rules (INSTANCE_RULES)", list(ruleSchema)),
  get(
    '/api/v1/instance/domain_blocks',
    'instance',
    'Moderated servers (obfuscated where the admin asked)',
    list(domainBlockSchema),
  ),
  get(
    '/api/v1/instance/extended_description',
    'instance',
    'The longer description of the server',
    extendedDescriptionSchema,
  ),
  get('/api/v1/custom_emojis', 'instance', 'Custom emoji (none: there is no emoji admin)', list(nothing)),
  get(
    '/api/v1/announcements',
    'instance',
    'Announcements (none: admins cannot publish them yet)',
    list(nothing),
  ),
  get('/api/v1/trends/tags', 'tags', "The week's most used public hashtags", list(tagSchema), {
    query: trendsQuery,
  }),
  get('/api/v1/trends', 'tags', 'The same, at the path of Mastodon 3.x', list(tagSchema), {
    query: trendsQuery,
  }),
  get(
    '/api/v1/trends/statuses',
    'tags',
    "The week's public statuses, most favourited and boosted first",
    list(statusSchema),
    { query: trendsQuery },
  ),
  get(
    '/api/v1/trends/links',
    'tags',
    'Trending links (none: Hashchat makes no preview cards)',
    list(nothing),
  ),
  get('/.well-known/nodeinfo', 'pages', 'Links to the NodeInfo documents', 'application/json'),
  get('/nodeinfo/2.0', 'pages', 'NodeInfo 2.0', 'application/json'),
  get('/nodeinfo/2.1', 'pages', 'NodeInfo 2.1', 'application/json'),
  get('/.well-known/host-meta', 'pages', 'Where WebFinger is (XRD)', 'application/xrd+xml'),
  get(
    '/.well-known/oauth-authorization-server',
    'oauth',
    'OAuth 2 server metadata (RFC 8414)',
    z.looseObject({ issuer: z.string(), token_endpoint: z.string() }),
  ),

  get('/api/v1/preferences', 'accounts', "The viewer's composer defaults", preferencesSchema),
  get('/api/v1/markers', 'timelines', 'Where the viewer stopped reading', markersSchema, {
    query: markersQuery,
  }),
  post('/api/v1/markers', 'timelines', 'Save where the viewer stopped reading', markersSchema, {
    body: z.object({ home: markerBody.optional(), notifications: markerBody.optional() }),
  }),
  get(
    '/api/v1/accounts/search',
    'accounts',
    'Accounts by name prefix (mention autocomplete)',
    list(accountSchema),
    { query: accountSearchQuery },
  ),
  get(
    '/api/v1/follow_requests',
    'accounts',
    'Follow requests (none: accounts are never locked)',
    list(accountSchema),
  ),
  get('/api/v1/featured_tags', 'accounts', "The viewer's featured hashtags", list(featuredTagSchema)),
  post(
    '/api/v1/featured_tags',
    'accounts',
    'Feature a hashtag on the profile (10 at most)',
    featuredTagSchema,
    { body: featuredTagBody },
  ),
  del('/api/v1/featured_tags/{id}', 'accounts', 'Stop featuring a hashtag', empty),
  get(
    '/api/v1/featured_tags/suggestions',
    'accounts',
    "The viewer's most used hashtags not featured yet",
    list(tagSchema),
  ),
  get(
    '/api/v1/accounts/{id}/featured_tags',
    'accounts',
    "An account's featured hashtags",
    list(featuredTagSchema),
  ),
  get(
    '/api/v1/conversations',
    'statuses',
    "The viewer's direct conversations, latest status first",
    list(conversationSchema),
    page,
  ),
  post('/api/v1/conversations/{id}/read', 'statuses', 'Mark a conversation read', conversationSchema),
  del('/api/v1/conversations/{id}', 'statuses', "Remove a conversation from the viewer's list", empty),
  get('/api/v1/favourites', 'statuses', "The viewer's favourites, newest first", list(statusSchema), page),
  get('/api/v1/bookmarks', 'statuses', "The viewer's bookmarks, newest first", list(statusSchema), page),
  post('/api/v1/statuses/{id}/bookmark', 'statuses', 'Bookmark a status', statusSchema),
  post('/api/v1/statuses/{id}/unbookmark', 'statuses', 'Undo a bookmark', statusSchema),

  get('/api/v1/streaming/health', 'streaming', 'Streaming health', 'text/plain'),
  get('/api/v1/streaming/user', 'streaming', "The viewer's home and notifications", SSE),
  get('/api/v1/streaming/user/notification', 'streaming', "The viewer's notifications", SSE),
  get('/api/v1/streaming/public', 'streaming', 'Public statuses', SSE),
  get('/api/v1/streaming/public/local', 'streaming', 'Public statuses of this server', SSE),
  get('/api/v1/streaming/public/remote', 'streaming', 'Public statuses of other servers (none)', SSE),
  get('/api/v1/streaming/hashtag', 'streaming', 'Statuses with a hashtag', SSE, {
    query: hashtagStreamQuery,
  }),
  get('/api/v1/streaming/hashtag/local', 'streaming', 'Local statuses with a hashtag', SSE, {
    query: hashtagStreamQuery,
  }),
  get('/api/v1/streaming/direct', 'streaming', "The viewer's conversations changing", SSE),
  get('/api/v1/streaming/list', 'streaming', "A list's statuses (the owner's only)", SSE, {
    query: listStreamQuery,
  }),
  get('/api/v1/streaming/chat', 'streaming', "A chat's or a session's events", SSE, {
    query: chatStreamQuery,
  }),
  get(
    '/api/v1/streaming/position',
    'streaming',
    'The id of the latest event',
    z.object({ last_event_id: z.string() }),
  ),

  get('/api/v1/auth/session', 'auth', 'The cookie session', authSessionSchema),
  post('/api/v1/auth/sign_up', 'auth', 'Register and sign in', authSessionSchema, {
    body: registrationBody,
  }),
  post('/api/v1/auth/sign_in', 'auth', 'Sign in', authSessionSchema, { body: signInBody }),
  post('/api/v1/auth/sign_out', 'auth', 'Sign out', empty),

  post('/api/v1/chats', 'chats', 'Create a chat', chatSchema, { body: chatCreateSchema }),
  get('/api/v1/chats', 'chats', 'Chats', list(chatSchema), { query: chatListQuery }),
  get('/api/v1/chats/directory', 'chats', 'The directory of live and upcoming sessions', directorySchema, {
    query: directoryQuery,
  }),
  get('/api/v1/chats/by_tag/{tag}', 'chats', "A hashtag's chat", chatPageSchema),
  get('/api/v1/chats/{id}', 'chats', 'A chat with its sessions', chatPageSchema),
  patch('/api/v1/chats/{id}', 'chats', 'Update a chat', chatSchema, { body: chatPatchSchema }),
  del('/api/v1/chats/{id}', 'chats', 'Delete a chat', empty),
  del('/api/v1/chats/{id}/claim', 'chats', "Release a chat's hashtag (admin)", chatSchema),
  post('/api/v1/chats/{id}/follow', 'chats', 'Follow a chat', chatSchema),
  post('/api/v1/chats/{id}/unfollow', 'chats', 'Unfollow a chat', chatSchema),
  post('/api/v1/chats/{id}/co_hosts', 'chats', 'Add a co-host', chatSchema, { body: coHostBody }),
  del('/api/v1/chats/{id}/co_hosts/{account_id}', 'chats', 'Remove a co-host', chatSchema, {
    params: coHostParams,
  }),
  get('/api/v1/chats/categories', 'chats', 'Categories', list(chatCategorySchema)),
  post('/api/v1/chats/categories', 'chats', 'Create a category (admin)', chatCategorySchema, {
    body: categoryCreateBody,
  }),
  patch('/api/v1/chats/categories/{id}', 'chats', 'Rename a category (admin)', chatCategorySchema, {
    body: categoryRenameBody,
  }),
  get('/api/v1/chats/preferences', 'chats', "The viewer's chat preferences", chatPreferencesSchema),
  patch('/api/v1/chats/preferences', 'chats', "Update the viewer's chat preferences", chatPreferencesSchema, {
    body: chatPreferencesBody,
  }),

  get('/api/v1/chats/{id}/sessions', 'sessions', "A chat's sessions", list(chatSessionSchema), {
    query: sessionListQuery,
  }),
  post('/api/v1/chats/{id}/sessions', 'sessions', 'Schedule a one-off session', chatSessionSchema, {
    body: sessionCreateSchema,
  }),
  post('/api/v1/chats/{id}/events', 'sessions', 'Schedule an event series', eventSeries, {
    body: eventCreateSchema,
  }),
  get('/api/v1/sessions/{id}', 'sessions', 'A session', chatSessionSchema),
  patch('/api/v1/sessions/{id}', 'sessions', 'Move or retitle a session', chatSessionSchema, {
    body: sessionPatchSchema,
  }),
  post('/api/v1/sessions/{id}/start', 'sessions', 'Go live', chatSessionSchema),
  post('/api/v1/sessions/{id}/end', 'sessions', 'End the session', chatSessionSchema),
  post('/api/v1/sessions/{id}/cancel', 'sessions', 'Cancel the session', chatSessionSchema),
  get('/api/v1/chats/{id}/calendar.ics', 'sessions', "A chat's calendar", ICS),
  get('/api/v1/sessions/{id}/calendar.ics', 'sessions', "A session's calendar entry", ICS),
  get('/api/v1/calendar', 'sessions', "The viewer's calendar feed URL", calendarFeedSchema),
  post('/api/v1/calendar/reset', 'sessions', "Replace the viewer's calendar feed URL", calendarFeedSchema),
  get('/calendar/{file}', 'sessions', 'A calendar feed (the URL is the credential)', ICS),

  get('/api/v1/sessions/{id}/questions', 'live', "A session's agenda", list(questionSchema)),
  post('/api/v1/sessions/{id}/questions', 'live', 'Add an agenda item', questionSchema, {
    body: questionCreateBody,
  }),
  post('/api/v1/sessions/{id}/questions/reorder', 'live', 'Reorder the agenda', list(questionSchema), {
    body: agendaReorderBody,
  }),
  post('/api/v1/sessions/{id}/next', 'live', 'Publish the next agenda item', questionSchema, {
    body: agendaNextBody,
  }),
  patch('/api/v1/questions/{id}', 'live', 'Edit an agenda item', questionSchema, { body: questionPatchBody }),
  del('/api/v1/questions/{id}', 'live', 'Delete an agenda item', empty),
  post('/api/v1/questions/{id}/publish', 'live', 'Publish an agenda item now', questionSchema.nullable()),
  post('/api/v1/questions/{id}/skip', 'live', 'Skip an agenda item', questionSchema),
  get('/api/v1/sessions/{id}/room', 'live', "The room's statuses", list(roomStatusSchema), {
    query: roomQuery,
  }),
  get('/api/v1/sessions/{id}/live', 'live', "The session's live state", liveStateSchema),
  get(
    '/api/v1/sessions/{id}/acknowledgements',
    'live',
    'Participants waiting for a host',
    list(acknowledgementSchema),
  ),
  post('/api/v1/sessions/{id}/spotlight', 'live', 'Pin a status to the room', spotlightChangeSchema, {
    body: spotlightBody,
  }),
  post('/api/v1/sessions/{id}/unspotlight', 'live', 'Unpin a status', spotlightChangeSchema, {
    body: spotlightBody,
  }),
  del('/api/v1/sessions/{id}/spotlight/{status_id}', 'live', 'Unpin a status', spotlightChangeSchema),

  post(
    '/api/v1/sessions/{id}/moderation',
    'moderation',
    'Act on a status or author in the room',
    loggedActionSchema,
    { body: roomActionBody },
  ),
  get(
    '/api/v1/sessions/{id}/moderation',
    'moderation',
    "A session's moderation log",
    list(loggedActionSchema),
    { query: moderationLogQuery },
  ),
  get('/api/v1/chats/{id}/moderation', 'moderation', "A chat's moderation log", list(loggedActionSchema), {
    query: moderationLogQuery,
  }),
  get(
    '/api/v1/sessions/{id}/moderation/queue',
    'moderation',
    'What waits for a moderator',
    moderationQueueSchema,
    { query: moderationLogQuery.pick({ limit: true }) },
  ),
  get(
    '/api/v1/chats/{id}/moderation_settings',
    'moderation',
    'Moderation settings',
    moderationSettingsSchema,
  ),
  patch(
    '/api/v1/chats/{id}/moderation_settings',
    'moderation',
    'Update moderation settings',
    moderationSettingsSchema,
    { body: moderationSettingsBody },
  ),
  get('/api/v1/chats/{id}/moderation_stats', 'moderation', 'Public moderation counts', moderationStatsSchema),
  get(
    '/api/v1/chats/{id}/slow_mode',
    'moderation',
    "A chat's slow mode and the viewer's next post",
    slowModeSchema,
  ),
  post('/api/v1/chats/{id}/reports', 'moderation', 'Report a status or account', reportSchema, {
    body: reportBody,
  }),
  get('/api/v1/chats/{id}/reports', 'moderation', "A chat's reports", list(reportSchema), {
    query: reportListQuery,
  }),
  post('/api/v1/reports/{id}/resolve', 'moderation', 'Resolve a report', reportSchema, {
    body: reportResolveBody,
  }),
  post(
    '/api/v1/reports/{id}/forward',
    'moderation',
    'Send a report about a remote account to its server (a Flag)',
    reportSchema,
  ),

  get('/api/v1/sessions/{id}/town_hall', 'town hall', 'Town-hall settings', townHallSchema),
  put('/api/v1/sessions/{id}/town_hall', 'town hall', 'Set town-hall settings', townHallSchema, {
    body: townHallBody,
  }),
  post('/api/v1/sessions/{id}/submissions', 'town hall', 'Submit a question', submissionSchema, {
    body: submissionBody,
  }),
  get('/api/v1/sessions/{id}/submissions', 'town hall', 'Submitted questions', list(submissionSchema), {
    query: submissionListQuery,
  }),
  post(
    '/api/v1/sessions/{id}/submissions/carry_over',
    'town hall',
    'Carry open questions over',
    list(submissionSchema),
    { body: carryOverBody },
  ),
  post('/api/v1/submissions/{id}/vote', 'town hall', 'Vote for a question', submissionSchema),
  del('/api/v1/submissions/{id}/vote', 'town hall', 'Withdraw a vote', submissionSchema),
  post('/api/v1/submissions/{id}/approve', 'town hall', 'Approve a question', submissionSchema, {
    body: curateBody,
  }),
  post('/api/v1/submissions/{id}/dismiss', 'town hall', 'Dismiss a question', submissionSchema, {
    body: curateBody,
  }),
  post(
    '/api/v1/submissions/{id}/answering',
    'town hall',
    'Mark a question as being answered',
    submissionSchema,
    { body: curateBody },
  ),
  post('/api/v1/submissions/{id}/answered', 'town hall', 'Mark a question answered', submissionSchema, {
    body: curateBody,
  }),
  post('/api/v1/submissions/{id}/merge', 'town hall', 'Merge a question into another', submissionSchema, {
    body: mergeBody,
  }),

  get('/api/v1/sessions/{id}/transcript', 'transcripts', 'A page of the transcript', transcriptSchema, {
    query: transcriptQuery,
  }),
  get('/api/v1/sessions/{id}/transcript.json', 'transcripts', 'The whole transcript', transcriptSchema),
  get('/api/v1/sessions/{id}/transcript.html', 'transcripts', 'The transcript as a web page', HTML),
  get('/api/v1/sessions/{id}/transcript.md', 'transcripts', 'The transcript as Markdown', 'text/markdown'),
  get('/api/v1/sessions/{id}/transcript.csv', 'transcripts', 'The transcript as CSV', 'text/csv'),
  get('/api/v1/sessions/{id}/recap', 'transcripts', "The session's recap", recapSchema),
  post(
    '/api/v1/sessions/{id}/recap/publish',
    'transcripts',
    'Publish the recap thread',
    publishedRecapSchema,
  ),
  get('/api/v1/chats/{id}/stats', 'transcripts', "A chat's sessions side by side", chatStatsSchema, {
    query: chatStatsQuery,
  }),

  get('/sessions/{id}', 'pages', "A session's transcript page", HTML),
  get('/media/{key}/{file}', 'pages', 'An uploaded image', 'image/jpeg', { params: mediaFileParams }),
  get('/avatars/{file}', 'pages', "An account's avatar", 'image/svg+xml', { params: avatarParams }),
  get(
    '/headers/missing.png',
    'pages',
    'The header image of an account without one (a transparent pixel)',
    'image/png',
  ),
  get('/api/openapi.json', 'pages', 'This document', 'application/json'),
  get('/api/docs', 'pages', 'This reference as a web page', HTML),

  get('/api/v1/admin/domain_blocks', 'admin', 'Blocked domains', list(adminDomainBlockSchema), {
    query: adminPageQuery,
  }),
  get('/api/v1/admin/domain_blocks/{id}', 'admin', 'A blocked domain', adminDomainBlockSchema),
  post('/api/v1/admin/domain_blocks', 'admin', 'Block a domain and its subdomains', adminDomainBlockSchema, {
    body: domainBlockCreateBody,
  }),
  put('/api/v1/admin/domain_blocks/{id}', 'admin', 'Change a domain block', adminDomainBlockSchema, {
    body: domainBlockUpdateBody,
  }),
  del('/api/v1/admin/domain_blocks/{id}', 'admin', 'Lift a domain block', empty),
  get('/api/v1/admin/domain_allows', 'admin', 'Allowed domains', list(adminDomainAllowSchema), {
    query: adminPageQuery,
  }),
  get('/api/v1/admin/domain_allows/{id}', 'admin', 'An allowed domain', adminDomainAllowSchema),
  post('/api/v1/admin/domain_allows', 'admin', 'Allow a domain (allow-list mode)', adminDomainAllowSchema, {
    body: domainAllowBody,
  }),
  del('/api/v1/admin/domain_allows/{id}', 'admin', 'Remove a domain from the allow-list', empty),
  post(
    '/api/v1/admin/accounts/{id}/rotate_keys',
    'federation',
    "Rotate a local account's keys (the old ones stay published 7 days); its followers' servers get an Update",
    empty,
  ),
  post(
    '/api/v1/admin/chats/{id}/rotate_keys',
    'federation',
    "Rotate a chat's Group actor keys (the old ones stay published 7 days); its followers' servers get an Update",
    empty,
  ),
  get(
    '/api/v1/admin/federation/status',
    'federation',
    'Queue depth and delivery outcomes per remote server',
    federationStatusSchema,
    { query: federationStatusQuery },
  ),
];
