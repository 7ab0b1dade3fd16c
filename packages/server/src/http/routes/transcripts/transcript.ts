import { idParam } from '@hashchat/api/requests/fields';
import { transcriptQuery } from '@hashchat/api/requests/transcripts';
import { parseRequest } from '@hashchat/api/requests/validation';
import { transcriptUrls } from '../../../present/recap';
import { buildRecap } from '../../../services/transcripts/build-recap';
import { loadTranscript } from '../../../services/transcripts/load-transcript';
import { TRANSCRIPT_CSS } from '../../../services/transcripts/page-style';
import { renderTranscriptCsv } from '../../../services/transcripts/render-csv';
import { renderTranscriptHtml } from '../../../services/transcripts/render-html';
import { renderTranscriptMarkdown } from '../../../services/transcripts/render-markdown';
import { transcriptPage } from '../../../services/transcripts/transcript-page';
import { optionalUser } from '../../auth';
import type { RouteModule } from '../../route-module';
import { documentCsp } from '../../security-headers';
import { appAssets } from '../web/app-assets';

const attachment = (tag: string, id: number, ext: string) =>
  `attachment; filename="${tag.replace(/[^A-Za-z0-9_-]/g, '')}-session-${id}-transcript.${ext}"`;

/** A session's transcript: keyset-paginated JSON, and the whole of it as HTML, Markdown, CSV and JSON files. */
export const transcriptRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/transcript', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const q = parseRequest(transcriptQuery, req.query);
    const minId = q.min_id ?? null;
    const maxId = q.max_id ?? null;
    const nearest = q.order === 'asc' ? maxId !== null && minId === null : minId !== null && maxId === null;
    const page = await transcriptPage(ctx, id, optionalUser(req, 'read:statuses'), {
      order: q.order,
      minId,
      maxId,
      nearest,
      questionNumber: q.question_number ?? null,
      kind: q.kind ?? null,
      limit: q.limit,
    });
    const ids = page.statuses.map((s) => s.id);
    if (ids.length > 0) {
      const keep = new URLSearchParams();
      keep.set('order', q.order);
      keep.set('limit', String(q.limit));
      if (q.question_number !== undefined) keep.set('question_number', String(q.question_number));
      if (q.kind) keep.set('kind', q.kind);
      const link = (key: string, value: string) => {
        const p = new URLSearchParams(keep);
        p.set(key, value);
        return `${ctx.config.publicUrl}/api/v1/sessions/${id}/transcript?${p}`;
      };
      const [forward, back] = q.order === 'asc' ? ['min_id', 'max_id'] : ['max_id', 'min_id'];
      reply.header(
        'link',
        `<${link(forward, ids[ids.length - 1])}>; rel="next", <${link(back, ids[0])}>; rel="prev"`,
      );
    }
    return page;
  });

  app.get('/api/v1/sessions/:id/transcript.json', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const doc = await loadTranscript(ctx, id);
    return reply
      .header('content-disposition', attachment(doc.chat.hashtag, id, 'json'))
      .send({ session: doc.session, final: doc.final, questions: doc.questions, statuses: doc.statuses });
  });

  app.get('/api/v1/sessions/:id/transcript.html', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const doc = await loadTranscript(ctx, id);
    const recap = await buildRecap(ctx, doc);
    // One file that needs nothing else: the app's stylesheet and the transcript's, inline.
    const css = `${appAssets(ctx.config.webDist).css}${TRANSCRIPT_CSS}`;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-disposition', attachment(doc.chat.hashtag, id, 'html'))
      .header('content-security-policy', documentCsp(css))
      .send(renderTranscriptHtml(doc, recap, { standalone: true, baseUrl: ctx.config.publicUrl, css }));
  });

  app.get('/api/v1/sessions/:id/transcript.md', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const doc = await loadTranscript(ctx, id);
    return reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', attachment(doc.chat.hashtag, id, 'md'))
      .send(renderTranscriptMarkdown(doc, transcriptUrls(ctx.config.publicUrl, id).transcript_url));
  });

  app.get('/api/v1/sessions/:id/transcript.csv', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const doc = await loadTranscript(ctx, id);
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', attachment(doc.chat.hashtag, id, 'csv'))
      .send(renderTranscriptCsv(doc));
  });
};
