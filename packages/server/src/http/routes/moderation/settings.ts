import { idParam, stringList, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import { getModerationSettings, updateModerationSettings } from '../../../services/moderation/settings';
import { moderationStats } from '../../../services/moderation/stats';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const patchBody = z.object({
  slow_mode_seconds: z.coerce.number().int().min(0).max(3600).optional(),
  word_filter: stringList.optional().pipe(z.array(userText().max(100)).max(500).optional()),
  min_account_age_days: z.coerce.number().int().min(0).max(3650).optional(),
});

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
    const b = parseRequest(patchBody, req.body);
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
