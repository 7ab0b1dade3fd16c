import { formBool, idParam, limitParam, pageParams, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
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

const severity = z.enum(['silence', 'suspend']);
const comment = userText().max(1000).nullable();

const blockFields = {
  severity,
  reject_media: formBool,
  reject_reports: formBool,
  private_comment: comment,
  public_comment: comment,
  obfuscate: formBool,
};

const createBlockBody = z.object({
  domain: userText().trim().min(1, "can't be blank").max(300),
  severity: blockFields.severity.default('silence'),
  reject_media: formBool.default(false),
  reject_reports: formBool.default(false),
  private_comment: comment.default(null),
  public_comment: comment.default(null),
  obfuscate: formBool.default(false),
});

const updateBlockBody = z.object({
  severity: blockFields.severity.optional(),
  reject_media: formBool.optional(),
  reject_reports: formBool.optional(),
  private_comment: comment.optional(),
  public_comment: comment.optional(),
  obfuscate: formBool.optional(),
});

const allowBody = z.object({ domain: userText().trim().min(1, "can't be blank").max(300) });

/** Mastodon's admin lists: 100 a page by default, at most 200. */
const adminPage = pageParams.extend({ limit: limitParam(100, 200) });

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
      const q = parseRequest(adminPage, req.query);
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
    const b = parseRequest(createBlockBody, req.body);
    return blockDomain(ctx, me, b.domain, blockInput(b));
  });

  app.put('/api/v1/admin/domain_blocks/:id', async (req) => {
    const me = requireAdminUser(req, 'admin:write:domain_blocks');
    const { id } = parseRequest(idParam, req.params);
    return changeDomainBlock(ctx, me, id, blockInput(parseRequest(updateBlockBody, req.body)));
  });

  app.post('/api/v1/admin/domain_allows', async (req) => {
    const me = requireAdminUser(req, 'admin:write:domain_allows');
    const b = parseRequest(allowBody, req.body);
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
function blockInput(b: z.infer<typeof updateBlockBody>) {
  return {
    severity: b.severity,
    rejectMedia: b.reject_media,
    rejectReports: b.reject_reports,
    publicComment: b.public_comment,
    privateComment: b.private_comment,
    obfuscate: b.obfuscate,
  };
}
