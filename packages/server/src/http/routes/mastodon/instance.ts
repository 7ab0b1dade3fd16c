import { POLL_LIMITS } from '@hashchat/core/status/poll-rules';
import { escapeHtml } from '@hashchat/core/text/render';
import { MAX_ATTACHMENTS, mediaLimits } from '../../../media/limits';
import { serializeAccount } from '../../../present/account';
import { MAX_FEATURED_TAGS } from '../../../services/featured-tags';
import { MAX_PINS } from '../../../services/pins';
import { findAccountById } from '../../../store/accounts';
import { firstAdminId, instanceCounts } from '../../../store/instance-stats';
import type { RouteModule } from '../../route-module';
import { MASTODON_API_VERSION } from './api-version';

const VERSION = `${MASTODON_API_VERSION} (compatible; Hashchat 0.1.0)`;
const DESCRIPTION = 'A microblog for running and following hashtag chats.';

/** `/api/v1/instance` and `/api/v2/instance`, with the limits clients read before posting. */
export const instanceRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;
  const host = new URL(base).host;
  const streaming = base.replace(/^http/, 'ws');
  // Mastodon's Rule entity; ids are positions, stable while the configured list is.
  const rules = ctx.config.instanceRules.map((text, i) => ({ id: String(i + 1), text, hint: '' }));
  // The configuration is read once at start: that is when these texts last changed.
  const configuredAt = new Date(ctx.now()).toISOString();
  const statuses = {
    max_characters: ctx.config.maxStatusChars,
    max_media_attachments: MAX_ATTACHMENTS,
    characters_reserved_per_url: 23,
  };
  const media = mediaLimits(ctx.config.media);

  app.get('/api/v1/instance', async () => {
    const counts = await instanceCounts(ctx.store.db);
    return {
      uri: host,
      title: 'Hashchat',
      short_description: 'Hashtag chats, self-hosted.',
      description: DESCRIPTION,
      email: '',
      version: VERSION,
      urls: { streaming_api: streaming },
      stats: { user_count: counts.users, status_count: counts.statuses, domain_count: 0 },
      languages: ['en'],
      registrations: ctx.config.registrationsOpen,
      approval_required: false,
      invites_enabled: false,
      configuration: {
        statuses,
        accounts: { max_featured_tags: MAX_FEATURED_TAGS },
        media_attachments: media,
      },
      contact_account: null,
      rules,
    };
  });

  app.get('/api/v2/instance', async () => {
    const adminId = await firstAdminId(ctx.store.db);
    const adminRow = adminId !== null ? await findAccountById(ctx.store.db, adminId) : undefined;
    return {
      domain: host,
      title: 'Hashchat',
      version: VERSION,
      source_url: 'https://github.com/hashchat/hashchat',
      description: DESCRIPTION,
      usage: { users: { active_month: 0 } },
      thumbnail: { url: `${base}/favicon.svg` },
      languages: ['en'],
      configuration: {
        urls: { streaming: streaming },
        accounts: { max_featured_tags: MAX_FEATURED_TAGS, max_pinned_statuses: MAX_PINS },
        statuses,
        media_attachments: media,
        polls: POLL_LIMITS,
        translation: { enabled: false },
      },
      registrations: { enabled: ctx.config.registrationsOpen, approval_required: false, message: null },
      contact: { email: '', account: adminRow ? serializeAccount(adminRow, base) : null },
      rules,
    };
  });

  app.get('/api/v1/instance/rules', async () => rules);

  app.get('/api/v1/instance/extended_description', async () => ({
    updated_at: configuredAt,
    content: `<p>${escapeHtml(DESCRIPTION)}</p>`,
  }));
};
