// Imported, not read from disk: the built server is one bundle, away from package.json.
import serverPackage from '../../../../package.json' with { type: 'json' };
import { SUPPORTED_SCOPES } from '../../../auth/scopes';
import { nodeInfoUsage } from '../../../store/instance-stats';
import type { RouteModule } from '../../route-module';
import { MASTODON_API_VERSION } from '../mastodon/api-version';

const VERSION = serverPackage.version;
const NODEINFO_SCHEMA = (v: string) => `http://nodeinfo.diaspora.software/ns/schema/${v}`;

/**
 * The discovery documents crawlers and apps fetch before anything else: NodeInfo (what software,
 * how many users), host-meta (where WebFinger lives) and the OAuth server metadata (RFC 8414),
 * which apps read to find endpoints and whether PKCE is supported.
 */
export const wellKnownRoutes: RouteModule = (app, ctx) => {
  const base = ctx.config.publicUrl;

  app.get('/.well-known/nodeinfo', async () => ({
    links: ['2.0', '2.1'].map((v) => ({ rel: NODEINFO_SCHEMA(v), href: `${base}/nodeinfo/${v}` })),
  }));

  for (const v of ['2.0', '2.1'] as const) {
    app.get(`/nodeinfo/${v}`, async (_req, reply) => {
      const usage = await nodeInfoUsage(ctx.store.db, ctx.now());
      return reply.type(`application/json; profile="${NODEINFO_SCHEMA(v)}#"; charset=utf-8`).send({
        version: v,
        software: {
          name: 'hashchat',
          version: VERSION,
          ...(v === '2.1' ? { repository: 'https://github.com/hashchat/hashchat' } : {}),
        },
        protocols: ctx.config.federation.enabled ? ['activitypub'] : [],
        services: { outbound: [], inbound: [] },
        usage,
        openRegistrations: ctx.config.registrationsOpen,
        // megalodon's detector() (behind several apps) accepts software it does not know by
        // name only when `upstream` says which API it speaks; without it, sign-in fails there.
        metadata: { nodeName: 'Hashchat', upstream: { name: 'mastodon', version: MASTODON_API_VERSION } },
      });
    });
  }

  app.get('/.well-known/host-meta', async (_req, reply) =>
    reply
      .type('application/xrd+xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n  <Link rel="lrdd" template="${base}/.well-known/webfinger?resource={uri}"/>\n</XRD>\n`,
      ),
  );

  app.get('/.well-known/oauth-authorization-server', async () => ({
    issuer: `${base}/`,
    service_documentation: 'https://docs.joinmastodon.org/',
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    revocation_endpoint: `${base}/oauth/revoke`,
    app_registration_endpoint: `${base}/api/v1/apps`,
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials'],
    // `plain` is still accepted from older apps; S256 is the one to use.
    code_challenge_methods_supported: ['S256'],
    // `none`: a public client that proves itself with PKCE may leave out its secret.
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
  }));
};
