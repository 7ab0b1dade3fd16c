import { categoryCreateBody, categoryRenameBody } from '@hashchat/api/requests/chats';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { categories, createCategory, renameCategory } from '../../../services/chats/categories';
import { requireUser } from '../../auth';
import type { RouteModule } from '../../route-module';

/** The admin-kept list of chat categories. */
export const chatCategoryRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/chats/categories', async () => categories(ctx));

  app.post('/api/v1/chats/categories', async (req) => {
    const me = requireUser(req, 'write');
    const input = parseRequest(categoryCreateBody, req.body);
    return createCategory(ctx, me, { name: input.name, slug: input.slug ?? null });
  });

  app.patch('/api/v1/chats/categories/:id', async (req) => {
    const me = requireUser(req, 'write');
    const { id } = parseRequest(idParam, req.params);
    return renameCategory(ctx, me, id, parseRequest(categoryRenameBody, req.body).name);
  });
};
