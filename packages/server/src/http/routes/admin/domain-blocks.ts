import {
  adminPageQuery,
  domainAllowBody,
  domainBlockCreateBody,
  domainBlockUpdateBody,
} from '@hashchat/api/requests/admin';
import { idParam } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import type { z } from 'zod';
import {
  adminDomainAllow,
  adminDomainAllows,
  adminDomainBlock,
  adminDomainBlocks,
  allowDomain,
  blockDomain,
  changeDomainBlock,
  disallowDomain,
  publicDomainBlocks,
  unblockDomain,
} from '../../../services/federation/domain-blocks';
import { rotateKeys } from '../../../services/federation/keys';
import { requireAdminUser } from '../../auth';
import { pageKeyset } from '../../page-keyset';
import { linkHeader } from '../../pagination';
import type { RouteModule } from '../../route-module';

/**
 * Mastodon's admin API for domain blocks and allows (admins only, `admin:*:domain_blocks` /
 * `admin:*:domain_allows` scopes), and the public list of moderated servers.
 */
export const domainBlockRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;
  type Me = number;

  /** GET list (with Link), GET one and DELETE one: the same for blocks and allows. */
  function readAndDelete<T extends { id: string }>(
    path: string,
    area: 'domain_blocks' | 'domain_allows',
    calls: {
      list: (me: Me, page: ReturnType<typeof pageKeyset>) => Promise<T[]>;
      one: (me: Me, id: number) => Promise<T>;
      remove: (me: Me, id: number) => Promise<void>;
    },
  ) {
    app.get(path, async (req, reply) => {
      const me = requireAdminUser(req, `admin:read:${area}`);
      const q = parseRequest(adminPageQuery, req.query);
      const list = await calls.list(me, pageKeyset(q));
      const link = linkHeader(
        base,
        path,
        { limit: q.limit },
        list.map((x) => x.id),
      );
      if (link) reply.header('link', link);
      return list;
    });
    app.get(`${path}/:id`, async (req) => {
      const me = requireAdminUser(req, `admin:read:${area}`);
      return calls.one(me, parseRequest(idParam, req.params).id);
    });
    app.delete(`${path}/:id`, async (req) => {
      const me = requireAdminUser(req, `admin:write:${area}`);
      await calls.remove(me, parseRequest(idParam, req.params).id);
      return {};
    });
  }

  readAndDelete('/api/v1/admin/domain_blocks', 'domain_blocks', {
    list: (me, page) => adminDomainBlocks(ctx, me, page),
    one: (me, id) => adminDomainBlock(ctx, me, id),
    remove: (me, id) => unblockDomain(ctx, me, id),
  });
  readAndDelete('/api/v1/admin/domain_allows', 'domain_allows', {
    list: (me, page) => adminDomainAllows(ctx, me, page),
    one: (me, id) => adminDomainAllow(ctx, me, id),
    remove: (me, id) => disallowDomain(ctx, me, id),
  });

  app.post('/api/v1/admin/domain_blocks', async (req) => {
    const me = requireAdminUser(req, 'admin:write:domain_blocks');
    const b = parseRequest(domainBlockCreateBody, req.body);
    return blockDomain(ctx, me, b.domain, blockInput(b));
  });

  app.put('/api/v1/admin/domain_blocks/:id', async (req) => {
    const me = requireAdminUser(req, 'admin:write:domain_blocks');
    const { id } = parseRequest(idParam, req.params);
    return changeDomainBlock(ctx, me, id, blockInput(parseRequest(domainBlockUpdateBody, req.body)));
  });

  app.post('/api/v1/admin/domain_allows', async (req) => {
    const me = requireAdminUser(req, 'admin:write:domain_allows');
    const b = parseRequest(domainAllowBody, req.body);
    return allowDomain(ctx, me, b.domain);
  });

  app.post('/api/v1/admin/accounts/:id/rotate_keys', async (req) => {
    const me = requireAdminUser(req, 'admin:write:accounts');
    await rotateKeys(ctx, me, 'account', parseRequest(idParam, req.params).id);
    return {};
  });

  app.post('/api/v1/admin/chats/:id/rotate_keys', async (req) => {
    const me = requireAdminUser(req, 'admin:write:accounts');
    await rotateKeys(ctx, me, 'chat', parseRequest(idParam, req.params).id);
    return {};
  });

  // Public, as Mastodon's "show moderated servers to everyone" setting.
  app.get('/api/v1/instance/domain_blocks', async () => publicDomainBlocks(ctx));
};

/** The API's field names as the service's. */
function blockInput(b: z.infer<typeof domainBlockUpdateBody>) {
  return {
    severity: b.severity,
    rejectMedia: b.reject_media,
    rejectReports: b.reject_reports,
    publicComment: b.public_comment,
    privateComment: b.private_comment,
    obfuscate: b.obfuscate,
  };
}
