import { formatInZone } from '@hashchat/core/chat/zone-time';
import { escapeHtml as esc } from '@hashchat/core/text/render';
import type { RecapEntity } from '../../present/recap';
import { transcriptUrls } from '../../present/recap';
import type { RoomStatusEntity } from '../../present/room-status';
import type { TranscriptDocument } from './load-transcript';
import { formatCount, localClock } from './local-clock';
import { TRANSCRIPT_CSS } from './page-style';
import { renderMediaHtml } from './render-media-html';
import { renderPollHtml } from './render-poll-html';
import { renderRecapSection } from './render-recap-html';

export interface HtmlOptions {
  /** The downloadable file: says where it came from and when. */
  standalone: boolean;
  baseUrl: string;
}

const ROLE_BADGE = { host: 'Host', co_host: 'Co-host', guest: 'Guest' } as const;

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** One status as an article: author, time, badges, the (already safe) content, counts. */
function renderStatus(s: RoomStatusEntity, clock: (ms: number) => string, cls = ''): string {
  const a = s.account;
  const badges: string[] = [];
  const role = s.chat.author_role;
  if (role) badges.push(`<span class="badge host">${ROLE_BADGE[role]}</span>`);
  if (s.chat.spotlighted) badges.push('<span class="badge spotlight">Spotlighted</span>');
  if (s.chat.late) badges.push('<span class="badge late">Late</span>');
  const counts: string[] = [];
  if (s.favourites_count > 0) counts.push(plural(s.favourites_count, 'like', 'likes'));
  if (s.reblogs_count > 0) counts.push(plural(s.reblogs_count, 'repost', 'reposts'));
  const body = s.spoiler_text
    ? `<details><summary>${esc(s.spoiler_text)}</summary><div class="content">${s.content}</div></details>`
    : `<div class="content">${s.content}</div>`;
  const classes = ['status', cls, s.chat.spotlighted ? 'spotlighted' : '', s.chat.late ? 'late' : '']
    .filter(Boolean)
    .join(' ');
  return (
    `<article class="${classes}" id="s${s.id}" data-kind="${s.chat.kind}" data-status-id="${s.id}">` +
    `<header><a class="author" href="${esc(a.url)}"><strong>${esc(a.display_name || a.username)}</strong> <span class="acct">@${esc(a.acct)}</span></a>${badges.join('')}` +
    `<a href="${esc(s.url)}"><time datetime="${s.created_at}">${clock(Date.parse(s.created_at))}</time></a></header>` +
    body +
    renderMediaHtml(s.media_attachments, s.sensitive) +
    renderPollHtml(s.poll) +
    (counts.length > 0 ? `<p class="counts">${counts.join(' · ')}</p>` : '') +
    '</article>'
  );
}

function stateNote(doc: TranscriptDocument, roomUrl: string): string {
  switch (doc.sessionRow.state) {
    case 'live':
      return `<p class="state" role="status">Live — updating. This transcript grows while the chat runs; reload for new statuses, or <a href="${esc(roomUrl)}">follow the room</a>.</p>`;
    case 'ended':
      return '<p class="state">Final transcript. Late replies inside threads are still added, marked “Late”.</p>';
    case 'cancelled':
      return '<p class="state">This session was cancelled.</p>';
    default:
      return `<p class="state">This session has not started yet. Its transcript appears here once it is <a href="${esc(roomUrl)}">live</a>.</p>`;
  }
}

/** A sentence about the session for the meta description and Open Graph. */
export function transcriptSummary(doc: TranscriptDocument, recap: RecapEntity): string {
  const when = formatInZone(new Date(doc.session.starts_at), doc.chat.time_zone);
  const qs = doc.transcript.questions.filter((q) => q.question !== null).length;
  return `Transcript of #${doc.chat.hashtag} (${doc.session.title}), ${when}: ${plural(qs, 'question', 'questions')}, ${plural(recap.statuses_count, 'status', 'statuses')} from ${plural(recap.participants_count, 'participant', 'participants')}.`;
}

/** The transcript page (`/sessions/:id`) and its standalone HTML export: one document, no script, styles inline. */
export function renderTranscriptHtml(doc: TranscriptDocument, recap: RecapEntity, opts: HtmlOptions): string {
  const urls = transcriptUrls(opts.baseUrl, doc.session.id);
  const clock = localClock(doc.chat.time_zone);
  const title = `${doc.session.title} — #${doc.chat.hashtag} transcript`;
  const description = transcriptSummary(doc, recap);
  const starts = new Date(doc.session.started_at ?? doc.session.starts_at);
  const ends = new Date(doc.session.ended_at ?? doc.session.ends_at);
  const hosts = [...doc.hostIds]
    .map((id) => doc.accounts.get(Number(id)))
    .filter((a) => a !== undefined)
    .map((a) => `@${esc(a.username)}`);
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="${esc(doc.chat.language || 'en')}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<meta name="description" content="${esc(description)}">`,
    `<link rel="canonical" href="${esc(urls.transcript_url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(title)}">`,
    `<meta property="og:description" content="${esc(description)}">`,
    `<meta property="og:url" content="${esc(urls.transcript_url)}">`,
    `<meta property="og:site_name" content="Hashchat">`,
    `<meta property="article:published_time" content="${starts.toISOString()}">`,
    `<meta property="article:tag" content="${esc(doc.chat.hashtag)}">`,
    '<meta name="twitter:card" content="summary">',
    `<meta name="twitter:title" content="${esc(title)}">`,
    `<meta name="twitter:description" content="${esc(description)}">`,
    `<link rel="alternate" type="text/markdown" href="${esc(urls.exports.markdown)}">`,
    `<link rel="alternate" type="text/csv" href="${esc(urls.exports.csv)}">`,
    `<link rel="alternate" type="application/json" href="${esc(urls.exports.json)}">`,
    `<style>${TRANSCRIPT_CSS}</style></head><body>`,
    '<a class="skip" href="#questions">Skip to the questions</a><div class="page">',
    '<header class="page-header">',
    `<p class="kicker"><a href="${esc(doc.session.room_url)}">#${esc(doc.chat.hashtag)}</a> · ${esc(doc.chat.title)}</p>`,
    `<h1>${esc(doc.session.title)}</h1>`,
    `<p class="meta"><time datetime="${starts.toISOString()}">${esc(formatInZone(starts, doc.chat.time_zone))}</time> – <time datetime="${ends.toISOString()}">${esc(formatInZone(ends, doc.chat.time_zone))}</time>${hosts.length > 0 ? ` · hosted by ${hosts.join(', ')}` : ''}</p>`,
    `<p class="note">Times of statuses are in ${esc(doc.chat.time_zone)}.</p>`,
    stateNote(doc, doc.session.room_url),
    '<nav aria-label="Recap and downloads"><ul>',
    `<li><a href="#recap">Recap</a></li>`,
    // The interactive recap (charts, top answers, publishing) lives in the web app.
    `<li><a href="${esc(`${urls.transcript_url}/recap`)}">Charts</a></li>`,
    `<li><a href="${esc(urls.exports.html)}" download>HTML</a></li>`,
    `<li><a href="${esc(urls.exports.markdown)}" download>Markdown</a></li>`,
    `<li><a href="${esc(urls.exports.csv)}" download>CSV</a></li>`,
    `<li><a href="${esc(urls.exports.json)}" download>JSON</a></li>`,
    '</ul></nav></header><main>',
  );

  out.push('<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">Questions</h2>');
  if (doc.transcript.questions.length === 0) out.push('<p class="note">No questions were asked.</p>');
  else {
    out.push('<ol class="threads">');
    for (const q of doc.transcript.questions) {
      const n = q.questionNumber;
      out.push(
        `<li class="thread" id="q${n}" data-question-number="${n}"><section aria-labelledby="q${n}-h">`,
        `<h3 id="q${n}-h">Question ${n} <small class="note">· ${plural(q.answers.length, 'answer', 'answers')}</small></h3>`,
        q.question
          ? renderStatus(q.question.status, clock, 'question')
          : '<p class="note">The question itself is not in the room.</p>',
      );
      if (q.answers.length > 0) {
        out.push(
          `<h4 id="q${n}-answers">Answers to question ${n}</h4><ol class="answers" aria-labelledby="q${n}-answers">`,
        );
        for (const a of q.answers) out.push(`<li>${renderStatus(a.status, clock, 'answer')}</li>`);
        out.push('</ol>');
      }
      out.push('</section></li>');
    }
    out.push('</ol>');
  }
  out.push('</section>');

  out.push('<section id="others" aria-labelledby="others-h"><h2 id="others-h">Other statuses</h2>');
  if (doc.transcript.others.length === 0) out.push('<p class="note">None.</p>');
  else {
    out.push('<ol class="statuses">');
    for (const s of doc.transcript.others) out.push(`<li>${renderStatus(s.status, clock, 'comment')}</li>`);
    out.push('</ol>');
  }
  out.push('</section>');

  out.push(renderRecapSection(recap));
  out.push('</main><footer class="page-footer">');
  out.push(
    opts.standalone
      ? `<p>Exported from <a href="${esc(urls.transcript_url)}">${esc(urls.transcript_url)}</a> on <time datetime="${recap.generated_at}">${esc(recap.generated_at.slice(0, 16).replace('T', ' '))} UTC</time>.</p>`
      : `<p>A permanent transcript kept by Hashchat. <a href="${esc(doc.session.url)}">Session page</a> · <a href="${esc(doc.session.room_url)}">Room</a></p>`,
  );
  out.push('</footer></div></body></html>');
  return out.join('');
}
