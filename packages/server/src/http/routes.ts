import type { FastifyInstance } from 'fastify';
import type { Context } from '../context';
import { chatCalendarRoutes } from './routes/chats/calendar';
import { chatCategoryRoutes } from './routes/chats/categories';
import { chatRoutes } from './routes/chats/chats';
import { directoryRoutes } from './routes/chats/directory';
import { chatMemberRoutes } from './routes/chats/members';
import { chatPreferenceRoutes } from './routes/chats/preferences';
import { chatSessionRoutes } from './routes/chats/sessions';
import { chatStreamRoutes } from './routes/chats/stream';
import { accountRoutes } from './routes/mastodon/accounts';
import { appRoutes } from './routes/mastodon/apps';
import { instanceRoutes } from './routes/mastodon/instance';
import { notificationRoutes } from './routes/mastodon/notifications';
import { oauthRoutes } from './routes/mastodon/oauth';
import { searchRoutes } from './routes/mastodon/search';
import { statusRoutes } from './routes/mastodon/statuses';
import { streamingRoutes } from './routes/mastodon/streaming';
import { tagRoutes } from './routes/mastodon/tags';
import { timelineRoutes } from './routes/mastodon/timelines';
import { opsRoutes } from './routes/ops';
import { sessionRoutes } from './routes/web/session';
import { webAppRoutes } from './routes/web/static';

export type RouteModule = (app: FastifyInstance, ctx: Context) => void | Promise<void>;

/** Every route module, in one list: the Mastodon subset, our extensions, then the web app. */
const modules: RouteModule[] = [
  opsRoutes,
  appRoutes,
  oauthRoutes,
  accountRoutes,
  statusRoutes,
  timelineRoutes,
  tagRoutes,
  searchRoutes,
  notificationRoutes,
  instanceRoutes,
  streamingRoutes,
  chatRoutes,
  directoryRoutes,
  chatCategoryRoutes,
  chatPreferenceRoutes,
  chatSessionRoutes,
  chatMemberRoutes,
  chatCalendarRoutes,
  chatStreamRoutes,
  sessionRoutes,
  webAppRoutes,
];

export async function registerRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  for (const m of modules) await m(app, ctx);
}
