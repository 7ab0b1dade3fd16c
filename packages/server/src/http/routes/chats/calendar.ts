import { calendarFeedParams } from '@hashchat/api/requests/chats';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { chatCalendar, sessionCalendar } from '../../../services/chats/calendar';
import { calendarFeed, calendarFeedUrl } from '../../../services/chats/calendar-feeds';
import type { Reply } from '../../auth';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

const ics = (reply: Reply, body: string, filename: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'no-cache')
    .send(body);

/** iCalendar: a chat, one session ("add to calendar"), and each person's private feed of what they follow. */
export const chatCalendarRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/:id/calendar.ics', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    return ics(reply, await chatCalendar(ctx, id), `chat-${id}.ics`);
  });

  app.get('/api/v1/sessions/:id/calendar.ics', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    return ics(reply, await sessionCalendar(ctx, id), `session-${id}.ics`);
  });

  app.get('/api/v1/calendar', async (req) => ({
    url: await calendarFeedUrl(ctx, requireUser(req, 'read:follows'), false),
  }));

  app.post('/api/v1/calendar/reset', async (req) => ({
    url: await calendarFeedUrl(ctx, requireUser(req, 'write:follows'), true),
  }));

  // The secret URL is the credential (calendar apps send no tokens); only `<token>.ics` matches,
  // so other /calendar/… paths stay the web app's.
  app.get('/calendar/:file(^[A-Za-z0-9_-]{16,64}\\.ics$)', async (req, reply) => {
    const { file } = parseRequest(calendarFeedParams, req.params);
    return ics(reply, await calendarFeed(ctx, file.replace(/\.ics$/, '')), 'hashchat.ics');
  });
};
