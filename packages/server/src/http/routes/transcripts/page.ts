import { HashchatError } from '@hashchat/core/errors';
import { escapeHtml } from '@hashchat/core/text/render';
import { buildRecap } from '../../../services/transcripts/build-recap';
import { loadTranscript } from '../../../services/transcripts/load-transcript';
import { TRANSCRIPT_CSS } from '../../../services/transcripts/page-style';
import { renderTranscriptHtml } from '../../../services/transcripts/render-html';
import type { RouteModule } from '../../route-module';
import { documentCsp } from '../../security-headers';

const notFoundPage = (home: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Transcript not found — Hashchat</title><style>${TRANSCRIPT_CSS}</style></head><body><div class="page"><main><h1>Transcript not found</h1><p>There is no session with this address. <a href="${escapeHtml(home)}/chats">Find a chat</a>.</p></main></div></body></html>`;

/** The public, server-rendered transcript page: reads without JavaScript. Registered before the web app's fallback. */
export const transcriptPageRoutes: RouteModule = (app, ctx) => {
  app.get('/sessions/:id', async (req, reply) => {
    // No script; the one inline style block is allowed by its hash.
    reply.header('content-security-policy', documentCsp(TRANSCRIPT_CSS));
    const raw = (req.params as { id: string }).id;
    const id = /^\d{1,18}$/.test(raw) ? Number(raw) : null;
    try {
      if (id === null) throw new HashchatError('NotFound', 'Record not found');
      const doc = await loadTranscript(ctx, id);
      const recap = await buildRecap(ctx, doc);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', doc.final ? 'public, max-age=60' : 'no-cache')
        .send(renderTranscriptHtml(doc, recap, { standalone: false, baseUrl: ctx.config.publicUrl }));
    } catch (err) {
      if (err instanceof HashchatError && err.code === 'NotFound')
        return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(ctx.config.publicUrl));
      throw err;
    }
  });
};
