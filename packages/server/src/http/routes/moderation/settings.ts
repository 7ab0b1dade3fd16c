import { idParam } from '@hashchat/api/requests/fields';
import { moderationSettingsBody } from '@hashchat/api/requests/moderation';
import { parseRequest } from '@hashchat/api/requests/validation';
import { getModerationSettings, updateModerationSettings } from '../../../services/moderation/settings';
import { slowModeFor } from '../../../services/moderation/slow-mode';
import { moderationStats } from '../../../services/moderation/stats';
import { optionalUser, requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** A chat's room settings (moderators) and its public moderation counts. */
export const moderationSettingsRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/:id/moderation_settings', async (req) => {
    const me = requireUser(req, 'read:statuses');
    const { id } = parseRequest(idParam, req.params);
    return getModerationSettings(ctx, me, id);
  });

  app.patch('/api/v1/chats/:id/moderation_settings', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const b = parseRequest(moderationSettingsBody, req.body);
    const present = (k: string) => Object.hasOwn((req.body as object | null) ?? {}, k);
    return updateModerationSettings(ctx, me, id, {
      slowModeSeconds: b.slow_mode_seconds,
      wordFilter: present('word_filter') ? (b.word_filter ?? []) : undefined,
      minAccountAgeDays: b.min_account_age_days,
    });
  });

  // Public: participants are told of slow mode before they post, not by a refusal.
  app.get('/api/v1/chats/:id/slow_mode', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return slowModeFor(ctx, optionalUser(req, 'read:statuses'), id);
  });

  app.get('/api/v1/chats/:id/moderation_stats', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return moderationStats(ctx, id);
  });
};
