import { idParam } from '@hashchat/api/requests/fields';
import { moderationSettingsBody } from '@hashchat/api/requests/moderation';
import { parseRequest } from '@hashchat/api/requests/validation';
import { getModerationSettings, updateModerationSettings } from '../../../services/moderation/settings';
import { moderationStats } from '../../../services/moderation/stats';
import { requireUser } from '../../auth';
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

  app.get('/api/v1/chats/:id/moderation_stats', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return moderationStats(ctx, id);
  });
};
