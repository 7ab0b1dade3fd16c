import { z } from 'zod';
import { categories, createCategory, renameCategory } from '../../../services/chats/categories';
import { requireUser } from '../../auth';
import { idParam, userText } from '../../fields';
import { parse } from '../../params';
import type { RouteModule } from '../../route-module';

const name = userText().trim().min(1).max(80);

/** The admin-kept list of chat categories. */
export const chatCategoryRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/categories', async () => categories(ctx));

  app.post('/api/v1/chats/categories', async (req) => {
    const me = requireUser(req, 'write');
    const input = parse(z.object({ name, slug: z.string().max(60).optional() }), req.body);
    return createCategory(ctx, me, { name: input.name, slug: input.slug ?? null });
  });

  app.patch('/api/v1/chats/categories/:id', async (req) => {
    const me = requireUser(req, 'write');
    const { id } = parse(idParam, req.params);
    return renameCategory(ctx, me, id, parse(z.object({ name }), req.body).name);
  });
};
