import { idParam, pageParams } from '@hashchat/api/requests/fields';
import {
  listAccountsBody,
  listCreateBody,
  listIdParams,
  listMembersQuery,
  listUpdateBody,
} from '@hashchat/api/requests/lists';
import { parseRequest } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { serializeAccount } from '../../../present/account';
import { presentList } from '../../../present/list';
import {
  addListMembers,
  changeList,
  createList,
  listMembers,
  listsHolding,
  listTimeline,
  ownList,
  removeList,
  removeListMembers,
  viewerLists,
} from '../../../services/lists';
import { presentTimeline } from '../../../services/moderation/read-filter';
import { findAccountById, findAccountsByIds } from '../../../store/accounts';
import { requireUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/** Mastodon's lists: the caller's own only (another account's list is a 404), of accounts it follows. */
export const listRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;

  app.get('/api/v1/lists', async (req) => viewerLists(ctx, requireUser(req, 'read:lists')));

  app.get('/api/v1/lists/:id', async (req) => {
    const me = requireUser(req, 'read:lists');
    const { id } = parseRequest(idParam, req.params);
    return presentList(await ownList(ctx, me, id));
  });

  app.post('/api/v1/lists', async (req) => {
    const me = requireUser(req, 'write:lists');
    const input = parseRequest(listCreateBody, req.body);
    return createList(ctx, me, input);
  });

  app.put('/api/v1/lists/:id', async (req) => {
    const me = requireUser(req, 'write:lists');
    const { id } = parseRequest(idParam, req.params);
    return changeList(ctx, me, id, parseRequest(listUpdateBody, req.body));
  });

  app.delete('/api/v1/lists/:id', async (req) => {
    const me = requireUser(req, 'write:lists');
    const { id } = parseRequest(idParam, req.params);
    await removeList(ctx, me, id);
    return {};
  });

  app.get('/api/v1/lists/:id/accounts', async (req, reply) => {
    const me = requireUser(req, 'read:lists');
    const { id } = parseRequest(idParam, req.params);
    const q = parseRequest(listMembersQuery, req.query);
    const page = await listMembers(ctx, me, id, pageKeyset(q));
    const accounts = await findAccountsByIds(
      ctx.store.db,
      page.map((m) => m.accountId),
    );
    const link = linkHeader(
      base,
      `/api/v1/lists/${id}/accounts`,
      req.query as Record<string, unknown>,
      page.map((m) => m.id),
    );
    if (link) reply.header('link', link);
    return page
      .map((m) => accounts.get(m.accountId))
      .filter((a) => a !== undefined && a.suspended_at === null)
      .map((a) => serializeAccount(a!, base));
  });

  app.post('/api/v1/lists/:id/accounts', async (req) => {
    const me = requireUser(req, 'write:lists');
    const { id } = parseRequest(idParam, req.params);
    const { account_ids } = parseRequest(listAccountsBody, req.body);
    await addListMembers(ctx, me, id, account_ids);
    return {};
  });

  app.delete('/api/v1/lists/:id/accounts', async (req) => {
    const me = requireUser(req, 'write:lists');
    const { id } = parseRequest(idParam, req.params);
    const { account_ids } = parseRequest(listAccountsBody, req.body);
    await removeListMembers(ctx, me, id, account_ids);
    return {};
  });

  app.get('/api/v1/accounts/:id/lists', async (req) => {
    const me = requireUser(req, 'read:lists');
    const { id } = parseRequest(idParam, req.params);
    const account = await findAccountById(ctx.store.db, id);
    if (!account || account.suspended_at !== null) throw notFound();
    return listsHolding(ctx, me, id);
  });

  app.get('/api/v1/timelines/list/:list_id', async (req, reply) => {
    const me = requireUser(req, 'read:lists');
    const { list_id } = parseRequest(listIdParams, req.params);
    const q = parseRequest(pageParams, req.query);
    const ids = await listTimeline(ctx, me, list_id, pageKeyset(q));
    const statuses = await presentTimeline(ctx, ids, me, 'home');
    const link = linkHeader(
      base,
      `/api/v1/timelines/list/${list_id}`,
      req.query as Record<string, unknown>,
      ids,
    );
    if (link) reply.header('link', link);
    return statuses;
  });
};
