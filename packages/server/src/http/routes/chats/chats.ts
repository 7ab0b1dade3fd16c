import {
  chatCreateSchema,
  chatListQuery,
  chatPatchSchema,
  chatTagParams,
} from '@hashchat/api/requests/chats';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import { loadChat } from '../../../services/chats/access';
import { createChat, deleteChat, releaseClaim, updateChat } from '../../../services/chats/chats';
import { chatPage } from '../../../services/chats/directory';
import { presentChats } from '../../../services/chats/views';
import { hotChatByTag } from '../../../services/live/join-pages';
import { findCategory, findChatByTag, listChats } from '../../../store/chats';
import { optionalUser, requireUser } from '../../auth';
import { sendHot } from '../../hot-answer';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';
import { nestBrackets } from './inputs';

/** Chats: create, the directory list, a chat's page (by id or hashtag), change, delete, release a claim. */
export const chatRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/chats', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const input = parseRequest(chatCreateSchema, nestBrackets(req.body));
    return createChat(ctx, me, {
      hashtag: input.hashtag,
      title: input.title,
      description: input.description,
      category: input.category,
      language: input.language,
      timeZone: input.time_zone,
      rules: input.rules,
      schedule: input.schedule ?? null,
    });
  });

  app.get('/api/v1/chats', async (req, reply) => {
    const viewer = optionalUser(req, 'read');
    const q = parseRequest(chatListQuery, req.query);
    const category = q.category ? await findCategory(ctx.store.db, q.category) : null;
    if (q.category && !category) return [];
    const rows = await listChats(
      ctx.store.db,
      {
        state: q.state,
        category: category ? Number(category.id) : null,
        language: q.language ?? null,
        q: q.q?.trim() || null,
        hostId: q.host_id ?? null,
        followedBy: q.following && viewer !== null ? viewer : null,
        maxId: q.max_id ?? null,
        minId: q.min_id ?? null,
        limit: q.limit,
        now: ctx.now(),
      },
      ctx.store.dialect.ilike,
    );
    const link = linkHeader(
      ctx.config.publicUrl,
      '/api/v1/chats',
      req.query as Record<string, unknown>,
      rows.map((r) => Number(r.id)),
    );
    if (link) reply.header('link', link);
    return presentChats(ctx, rows, viewer);
  });

  app.get('/api/v1/chats/:id', async (req) => {
    const { id } = parseRequest(idParam, req.params);
    return chatPage(ctx, await loadChat(ctx.store.db, id), optionalUser(req, 'read'));
  });

  app.get('/api/v1/chats/by_tag/:tag', async (req, reply) => {
    const { tag } = parseRequest(chatTagParams, req.params);
    const viewer = optionalUser(req, 'read');
    if (viewer === null) {
      // Everyone arriving for a live chat asks this: one answer for all of them (join-pages.ts).
      const hot = await hotChatByTag(ctx, tag, async (id) =>
        chatPage(ctx, await loadChat(ctx.store.db, id), null),
      );
      return sendHot(req, reply, hot);
    }
    const chat = await findChatByTag(ctx.store.db, normalizeTag(tag.replace(/^[#＃]/, '')));
    if (!chat) throw notFound();
    return chatPage(ctx, chat, viewer);
  });

  app.patch('/api/v1/chats/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    const p = parseRequest(chatPatchSchema, nestBrackets(req.body));
    return updateChat(ctx, me, id, {
      title: p.title,
      description: p.description,
      category: p.category,
      language: p.language,
      timeZone: p.time_zone,
      rules: p.rules,
      fediverseAnnounces: p.fediverse_announces,
      ...(p.schedule !== undefined ? { schedule: p.schedule } : {}),
    });
  });

  app.delete('/api/v1/chats/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    await deleteChat(ctx, me, id);
    return {};
  });

  app.delete('/api/v1/chats/:id/claim', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return releaseClaim(ctx, me, id);
  });
};
