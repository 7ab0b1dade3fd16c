import { authorizeForm, authorizeQuery, revokeBody, tokenBody } from '@hashchat/api/requests/accounts';
import { parseRequest } from '@hashchat/api/requests/validation';
import { HashchatError, invalid } from '@hashchat/core/errors';
import { escapeHtml } from '@hashchat/core/text/render';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { parseScopes } from '../../../auth/scopes';
import {
  assertScopesAllowed,
  authenticateClient,
  createCode,
  exchangeCode,
  findApp,
  invalidClient,
  issueToken,
  OOB,
  revokeToken,
  tokenEntity,
} from '../../../services/oauth';
import { signIn } from '../../../services/sign-in';
import { findAccountById } from '../../../store/accounts';
import { keepUncompressed } from '../../compression';
import type { RouteModule } from '../../route-module';
import { documentCsp } from '../../security-headers';

/** The consent and code pages' styles, inline (allowed by their hash, see documentCsp). */
const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1b1d21;--bg:#f7f7f9;--card:#fff;--accent:#2f5bd3;--muted:#5a606b}
@media (prefers-color-scheme:dark){:root{--fg:#e8e9ec;--bg:#15171b;--card:#1f2228;--accent:#8fb0ff;--muted:#a7adb8}}
body{font:16px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg);margin:0;display:grid;place-items:center;min-height:100vh}
main{background:var(--card);padding:2rem;border-radius:12px;max-width:26rem;width:calc(100% - 2rem);box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font:inherit;border:1px solid var(--muted);border-radius:8px;background:transparent;color:inherit}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button{min-height:44px;padding:0 1.2rem;font:inherit;border-radius:8px;border:1px solid var(--accent);cursor:pointer}
button[value=approve]{background:var(--accent);color:var(--card)}button[value=deny]{background:transparent;color:var(--accent)}
ul{padding-left:1.2rem}.error{color:#c62828}code{word-break:break-all}:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Hashchat</title>
<style>${PAGE_CSS}</style></head><body><main>${body}</main></body></html>`;

/** Sends a page with its policy; its form may lead on to `redirectUri` (browsers check redirects against form-action). */
function sendPage(reply: FastifyReply, title: string, body: string, redirectUri?: string): FastifyReply {
  // The consent form carries the reader's CSRF token beside the query it repeats.
  return keepUncompressed(reply)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', documentCsp(PAGE_CSS, formTarget(redirectUri)))
    .send(page(title, body));
}

/** `redirectUri` as a CSP source: an http(s) origin, or an app's own scheme (`myapp:`). */
function formTarget(redirectUri: string | undefined): string[] {
  if (!redirectUri || redirectUri === OOB) return [];
  try {
    const url = new URL(redirectUri);
    if (/^https?:$/.test(url.protocol)) return [url.origin];
    return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) ? [url.protocol] : [];
  } catch {
    return [];
  }
}

export const oauthRoutes: RouteModule = (app, ctx) => {
  async function loadRequest(q: z.infer<typeof authorizeQuery>) {
    const client = await findApp(ctx, q.client_id);
    if (!client) throw invalid('Client authentication failed: unknown client_id');
    if (!client.redirect_uris.split('\n').includes(q.redirect_uri))
      throw invalid('The redirect URI included is not valid.');
    const scopes = parseScopes(q.scope);
    if (!scopes) throw invalid('The requested scope is invalid, unknown, or malformed.');
    assertScopesAllowed(scopes, client.scopes);
    return { client, scopes };
  }

  function consentPage(
    reply: FastifyReply,
    q: Record<string, unknown>,
    appName: string,
    scopes: string[],
    signedInAs: string | null,
    csrf: string | null,
    error?: string,
  ) {
    const hidden = [
      'response_type',
      'client_id',
      'redirect_uri',
      'scope',
      'state',
      'code_challenge',
      'code_challenge_method',
    ]
      .filter((k) => typeof q[k] === 'string')
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(String(q[k]))}">`)
      .join('');
    const login = signedInAs
      ? `<p>Signed in as <strong>@${escapeHtml(signedInAs)}</strong>.</p><input type="hidden" name="authenticity_token" value="${escapeHtml(csrf ?? '')}">`
      : `<label for="login">Username or email</label><input id="login" name="login" autocomplete="username" required>
         <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>`;
    return sendPage(
      reply,
      'Authorize',
      `<h1>Authorize ${escapeHtml(appName)}</h1>
<p>This application asks to use your Hashchat account with these permissions:</p>
<ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">${hidden}${login}
<div class="actions"><button name="decision" value="approve">Authorize</button><button name="decision" value="deny">Deny</button></div></form>`,
      typeof q.redirect_uri === 'string' ? q.redirect_uri : undefined,
    );
  }

  app.get('/oauth/authorize', async (req, reply) => {
    const q = parseRequest(authorizeQuery, req.query);
    const { client, scopes } = await loadRequest(q);
    const me =
      req.viewer.via === 'cookie' && req.viewer.accountId
        ? await findAccountById(ctx.store.db, req.viewer.accountId)
        : null;
    return consentPage(reply, q, client.name, scopes, me?.username ?? null, req.viewer.csrfToken);
  });

  app.post('/oauth/authorize', async (req, reply) => {
    const f = parseRequest(authorizeForm, req.body);
    const { client, scopes } = await loadRequest(f);
    const back = (params: Record<string, string>) => {
      if (f.redirect_uri === OOB) return null;
      const url = new URL(f.redirect_uri);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      if (f.state) url.searchParams.set('state', f.state);
      return url.toString();
    };
    if (f.decision === 'deny') {
      const to = back({
        error: 'access_denied',
        error_description: 'The resource owner denied the request.',
      });
      return to ? reply.redirect(to) : sendPage(reply, 'Denied', '<h1>Authorization denied</h1>');
    }
    let accountId = req.viewer.via === 'cookie' ? req.viewer.accountId : null;
    if (accountId === null) {
      try {
        accountId = Number((await signIn(ctx, req.ip, f.login ?? '', f.password ?? '')).id);
      } catch (err) {
        if (!(err instanceof HashchatError)) throw err;
        const retryAfter = err.details?.retry_after;
        if (typeof retryAfter === 'number') reply.status(429).header('retry-after', String(retryAfter));
        else reply.status(401);
        return consentPage(reply, f, client.name, scopes, null, null, err.message);
      }
    }
    const code = await createCode(ctx, {
      appId: Number(client.id),
      accountId,
      scopes,
      redirectUri: f.redirect_uri,
      challenge: f.code_challenge ?? null,
      method: f.code_challenge ? (f.code_challenge_method ?? 'plain') : null,
    });
    const to = back({ code });
    if (to) return reply.redirect(to);
    return sendPage(
      reply,
      'Authorization code',
      `<h1>Authorization code</h1><p>Copy this code and paste it into the application:</p><p><code id="code">${escapeHtml(code)}</code></p>`,
    );
  });

  app.post('/oauth/token', async (req, reply) => {
    keepUncompressed(reply);
    const body = { ...(req.body as object) } as Record<string, unknown>;
    // Client credentials may also come by HTTP Basic auth (RFC 6749 §2.3.1).
    const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString();
      const colon = decoded.indexOf(':');
      // A part that does not decode authenticates nobody: 401, never a 500.
      const part = (s: string) => {
        try {
          return decodeURIComponent(s);
        } catch {
          throw invalidClient();
        }
      };
      body.client_id ??= part(colon < 0 ? decoded : decoded.slice(0, colon));
      body.client_secret ??= part(colon < 0 ? '' : decoded.slice(colon + 1));
    }
    const input = parseRequest(tokenBody, body);
    if (input.grant_type === 'client_credentials') {
      const client = await authenticateClient(ctx, input.client_id, input.client_secret);
      const scopes = parseScopes(input.scope);
      if (!scopes) throw invalid('The requested scope is invalid, unknown, or malformed.');
      assertScopesAllowed(scopes, client.scopes);
      const t = await issueToken(ctx, { appId: Number(client.id), accountId: null, scopes, kind: 'oauth' });
      return tokenEntity(t, scopes);
    }
    return exchangeCode(ctx, {
      clientId: input.client_id,
      clientSecret: input.client_secret,
      code: input.code,
      redirectUri: input.redirect_uri,
      verifier: input.code_verifier,
    });
  });

  app.post('/oauth/revoke', async (req) => {
    const input = parseRequest(revokeBody, req.body);
    const client = await authenticateClient(ctx, input.client_id, input.client_secret);
    await revokeToken(ctx, input.token, Number(client.id));
    return {};
  });
};
