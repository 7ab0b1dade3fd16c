import { HashchatError } from '@hashchat/core/errors';
import { escapeHtml } from '@hashchat/core/text/render';
import type { FastifyRequest } from 'fastify';
import type { Context } from '../../../context';
import { buildRecap } from '../../../services/transcripts/build-recap';
import { loadTranscript } from '../../../services/transcripts/load-transcript';
import { TRANSCRIPT_CSS } from '../../../services/transcripts/page-style';
import { renderTranscriptHtml } from '../../../services/transcripts/render-html';
import type { HeaderViewer } from '../../../services/transcripts/render-site-header';
import { findAccountById } from '../../../store/accounts';
import type { RouteModule } from '../../route-module';
import { documentCsp } from '../../security-headers';
import { appAssets } from '../web/app-assets';

const notFoundPage = (home: string, stylesheets: string[]) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Transcript not found — Hashchat</title>${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('')}<style>${TRANSCRIPT_CSS}</style></head><body><main id="main" class="main"><div class="column"><h1>Transcript not found</h1><p>There is no session with this address. <a href="${escapeHtml(home)}/chats">Find a chat</a>.</p></div></main></body></html>`;

/** The signed-in reader (by the web app's cookie), for the header's links. */
async function headerViewer(ctx: Context, req: FastifyRequest): Promise<HeaderViewer | null> {
  const v = req.viewer;
  if (v.via !== 'cookie' || v.accountId === null) return null;
  const row = await findAccountById(ctx.store.db, v.accountId);
  return row ? { username: row.username, acct: row.username } : null;
}

/**
 * The public, server-rendered transcript page: reads without JavaScript, in the app's look
 * (its header, stylesheet and tokens) with a small script of the app's that shows times in
 * the reader's zone. Registered before the web app's fallback.
 */
export const transcriptPageRoutes: RouteModule = (app, ctx) => {
  app.get('/sessions/:id', async (req, reply) => {
    const assets = appAssets(ctx.config.webDist);
    // The app's own stylesheet and script; the one inline style block is allowed by its hash.
    reply.header('content-security-policy', documentCsp(TRANSCRIPT_CSS, [], true));
    const raw = (req.params as { id: string }).id;
    const id = /^\d{1,18}$/.test(raw) ? Number(raw) : null;
    try {
      if (id === null) throw new HashchatError('NotFound', 'Record not found');
      const [doc, viewer] = await Promise.all([loadTranscript(ctx, id), headerViewer(ctx, req)]);
      const recap = await buildRecap(ctx, doc);
      // The header names who reads: a signed-in page is theirs alone.
      const cache = viewer ? 'private, no-cache' : doc.final ? 'public, max-age=60' : 'no-cache';
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', cache)
        .header('vary', 'cookie')
        .send(
          renderTranscriptHtml(doc, recap, {
            standalone: false,
            baseUrl: ctx.config.publicUrl,
            stylesheets: assets.stylesheets,
            script: assets.transcriptScript,
            viewer,
          }),
        );
    } catch (err) {
      if (err instanceof HashchatError && err.code === 'NotFound')
        return reply
          .status(404)
          .type('text/html; charset=utf-8')
          .send(notFoundPage(ctx.config.publicUrl, assets.stylesheets));
      throw err;
    }
  });
};
