import { idParam } from '@hashchat/api/requests/fields';
import {
  accountReportBody,
  reportBody,
  reportListQuery,
  reportResolveBody,
} from '@hashchat/api/requests/moderation';
import { parseRequest } from '@hashchat/api/requests/validation';
import { reportAccount } from '../../../services/moderation/account-reports';
import {
  chatReports,
  closeReport,
  fileReport,
  forwardChatReport,
} from '../../../services/moderation/reports';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/**
 * Reports to a chat's hosts: anyone signed in files one; moderators list and resolve them. And
 * Mastodon's report to the instance, which a remote account's server can be sent too.
 */
export const moderationReportRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/reports', async (req) => {
    const me = requireUser(req, 'write:reports');
    const b = parseRequest(accountReportBody, req.body);
    return reportAccount(ctx, me, {
      accountId: b.account_id,
      statusIds: b.status_ids,
      category: b.category,
      comment: b.comment,
      forward: b.forward,
    });
  });

  app.post('/api/v1/chats/:id/reports', async (req) => {
    const me = requireUser(req, 'write:reports');
    const { id: chatId } = parseRequest(idParam, req.params);
    const b = parseRequest(reportBody, req.body);
    return fileReport(ctx, me, chatId, {
      statusId: b.status_id ?? null,
      accountId: b.account_id ?? null,
      category: b.category,
      comment: b.comment,
    });
  });

  app.get('/api/v1/chats/:id/reports', async (req, reply) => {
    const me = requireUser(req, 'read:statuses');
    const { id: chatId } = parseRequest(idParam, req.params);
    const q = parseRequest(reportListQuery, req.query);
    const { rows, entities } = await chatReports(ctx, me, chatId, {
      state: q.state === 'all' ? null : q.state,
      maxId: q.max_id ?? null,
      limit: q.limit,
    });
    if (rows.length === q.limit) {
      const last = rows[rows.length - 1].id;
      reply.header(
        'link',
        `<${ctx.config.publicUrl}/api/v1/chats/${chatId}/reports?state=${q.state}&limit=${q.limit}&max_id=${last}>; rel="next"`,
      );
    }
    return entities;
  });

  app.post('/api/v1/reports/:id/resolve', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: reportId } = parseRequest(idParam, req.params);
    const b = parseRequest(reportResolveBody, req.body);
    return closeReport(ctx, me, reportId, b.resolution);
  });

  app.post('/api/v1/reports/:id/forward', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id: reportId } = parseRequest(idParam, req.params);
    return forwardChatReport(ctx, me, reportId);
  });
};
