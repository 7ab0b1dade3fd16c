import { durationLabel, zoneName } from '@hashchat/core/chat/session-clock';
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
import { type HeaderViewer, renderSiteHeader, renderTabBar } from './render-site-header';
import { zoneTime } from './render-zone-time';

export interface HtmlOptions {
  /** The downloadable file: says where it came from and when; no header, no script. */
  standalone: boolean;
  baseUrl: string;
  /** The built web app's stylesheets (linked) and the page's script, on the page. */
  stylesheets?: string[];
  script?: string | null;
  /** The text of the inline style block (the page's CSP allows it by its hash). */
  css?: string;
  /** Who reads the page (the header's links). */
  viewer?: HeaderViewer | null;
}

const ROLE_BADGE = { host: 'Host', co_host: 'Co-host', guest: 'Guest' } as const;

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** One status as an article: author, time, badges, the (already safe) content, counts. */
function renderStatus(s: RoomStatusEntity, clock: (ms: number) => string, zone: string, cls = ''): string {
  const a = s.account;
  const badges: string[] = [];
  const role = s.chat.author_role;
  if (role) badges.push(`<span class="role-badge">${ROLE_BADGE[role]}</span>`);
  if (s.chat.spotlighted) badges.push('<span class="doc-badge spotlight">Spotlighted</span>');
  if (s.chat.late) badges.push('<span class="doc-badge late">Late</span>');
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
    `<a href="${esc(s.url)}">${zoneTime(Date.parse(s.created_at), zone, 'clock', clock(Date.parse(s.created_at)))}</a></header>` +
    body +
    renderMediaHtml(s.media_attachments, s.sensitive) +
    renderPollHtml(s.poll) +
    (counts.length > 0 ? `<p class="counts">${counts.join(' · ')}</p>` : '') +
    '</article>'
  );
}

/** The sentence is one span: `.recap-state` is a flex row, which would part a link from its full stop. */
function stateNote(doc: TranscriptDocument, roomUrl: string): string {
  switch (doc.sessionRow.state) {
    case 'live':
      return `<p class="state recap-state" role="status"><span>Live — updating. This transcript grows while the chat runs; reload for new statuses, or <a href="${esc(roomUrl)}">follow the room</a>.</span></p>`;
    case 'ended':
      return '<p class="state recap-state muted">Final transcript. Late replies inside threads are still added, marked “Late”.</p>';
    case 'cancelled':
      return '<p class="state recap-state muted">This session was cancelled.</p>';
    default:
      return `<p class="state recap-state muted"><span>This session has not started yet. Its transcript appears here once it is <a href="${esc(roomUrl)}">live</a>.</span></p>`;
  }
}

/** A sentence about the session for the meta description and Open Graph. */
export function transcriptSummary(doc: TranscriptDocument, recap: RecapEntity): string {
  const when = formatInZone(new Date(doc.session.started_at ?? doc.session.starts_at), doc.chat.time_zone);
  const qs = doc.transcript.questions.filter((q) => q.question !== null).length;
  return `Transcript of #${doc.chat.hashtag} (${doc.session.title}), ${when}: ${plural(qs, 'question', 'questions')}, ${plural(recap.statuses_count, 'status', 'statuses')} from ${plural(recap.participants_count, 'participant', 'participants')}.`;
}

/** When the session really ran (the recap page shows the same list, session-span.tsx). */
function sessionSpan(doc: TranscriptDocument, recap: RecapEntity): string {
  const zone = doc.chat.time_zone;
  const item = (key: string, label: string, value: string) =>
    `<div data-span="${key}"><dt>${label}</dt><dd>${value}</dd></div>`;
  const items = [
    recap.started_at
      ? item('started', 'Started', zoneTime(Date.parse(recap.started_at), zone, 'day'))
      : item('scheduled', 'Scheduled', zoneTime(Date.parse(doc.session.starts_at), zone, 'day')),
  ];
  if (recap.ended_at) items.push(item('ended', 'Ended', zoneTime(Date.parse(recap.ended_at), zone, 'dual')));
  if (recap.duration_minutes !== null)
    items.push(item('duration', 'Duration', esc(durationLabel(recap.duration_minutes * 60_000))));
  return `<dl class="session-span">${items.join('')}</dl>`;
}

/** The tabs between the transcript and the recap, as on the recap page (session-span.tsx). */
function sessionTabs(doc: TranscriptDocument, base: string): string {
  const id = esc(doc.session.id);
  return (
    '<nav aria-label="This session" class="session-tabs"><ul>' +
    `<li><a href="${base}/sessions/${id}" aria-current="page">Transcript</a></li>` +
    `<li><a href="${base}/sessions/${id}/recap">Recap</a></li>` +
    `<li><a href="${base}/chats/${esc(doc.session.chat_id)}/stats">All sessions of this chat</a></li>` +
    '</ul></nav>'
  );
}

const EXPORTS = [
  ['html', 'HTML', 'one file, readable offline'],
  ['markdown', 'Markdown', 'for notes and blogs'],
  ['csv', 'CSV', 'one row per status, for spreadsheets'],
  ['json', 'JSON', 'the API entities'],
] as const;

/** The transcript page (`/sessions/:id`) and its standalone HTML export: one document, styles inline (the page also links the app's). */
export function renderTranscriptHtml(doc: TranscriptDocument, recap: RecapEntity, opts: HtmlOptions): string {
  const urls = transcriptUrls(opts.baseUrl, doc.session.id);
  const zone = doc.chat.time_zone;
  const clock = localClock(zone);
  const title = `${doc.session.title} — #${doc.chat.hashtag} transcript`;
  const description = transcriptSummary(doc, recap);
  const starts = new Date(doc.session.started_at ?? doc.session.starts_at);
  const hosts = [...doc.hostIds]
    .map((id) => doc.accounts.get(Number(id)))
    .filter((a) => a !== undefined)
    .map((a) => `@${esc(a.username)}`);
  const here = `/sessions/${doc.session.id}`;
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
  );
  if (!opts.standalone) {
    for (const href of opts.stylesheets ?? []) out.push(`<link rel="stylesheet" href="${esc(href)}">`);
    if (opts.script) out.push(`<script type="module" src="${esc(opts.script)}"></script>`);
  }
  out.push(`<style>${opts.css ?? TRANSCRIPT_CSS}</style></head><body>`);
  out.push('<a href="#main" class="skip-link">Skip to content</a>');
  if (!opts.standalone) out.push(renderSiteHeader(opts.viewer ?? null, here));
  out.push(
    '<main id="main" class="main"><div class="column session-doc transcript-page">',
    '<header class="chat-head session-doc-head">',
    `<p class="eyebrow">Transcript · <a href="${esc(doc.session.room_url)}">#${esc(doc.chat.hashtag)}</a> · <a href="${esc(`${opts.baseUrl}/chats/${doc.session.chat_id}`)}">${esc(doc.chat.title)}</a></p>`,
    `<h1 id="page-title">${esc(doc.session.title)}</h1>`,
    sessionSpan(doc, recap),
    `<p class="muted zone-note" data-zone-note="${esc(zone)}">Times are in the chat's time zone, ${esc(zoneName(zone))}.</p>`,
    hosts.length > 0 ? `<p class="muted">Hosted by ${hosts.join(', ')}</p>` : '',
    stateNote(doc, doc.session.room_url),
    sessionTabs(doc, opts.baseUrl),
    '</header>',
  );

  out.push(
    '<section id="questions" class="doc-section" aria-labelledby="questions-h"><h2 id="questions-h">Questions</h2>',
  );
  if (doc.transcript.questions.length === 0) out.push('<p class="note">No questions were asked.</p>');
  else {
    out.push('<ol class="threads">');
    for (const q of doc.transcript.questions) {
      const n = q.questionNumber;
      out.push(
        `<li class="thread" id="q${n}" data-question-number="${n}"><section aria-labelledby="q${n}-h">`,
        `<h3 id="q${n}-h">Question ${n} <small class="note">· ${plural(q.answers.length, 'answer', 'answers')}</small></h3>`,
        q.question
          ? renderStatus(q.question.status, clock, zone, 'question')
          : '<p class="note">The question itself is not in the room.</p>',
      );
      if (q.answers.length > 0) {
        out.push(
          `<h4 id="q${n}-answers">Answers to question ${n}</h4><ol class="answers" aria-labelledby="q${n}-answers">`,
        );
        for (const a of q.answers) out.push(`<li>${renderStatus(a.status, clock, zone, 'answer')}</li>`);
        out.push('</ol>');
      }
      out.push('</section></li>');
    }
    out.push('</ol>');
  }
  out.push('</section>');

  out.push(
    '<section id="others" class="doc-section" aria-labelledby="others-h"><h2 id="others-h">Other statuses</h2>',
  );
  if (doc.transcript.others.length === 0) out.push('<p class="note">None.</p>');
  else {
    out.push('<ol class="statuses">');
    for (const s of doc.transcript.others)
      out.push(`<li>${renderStatus(s.status, clock, zone, 'comment')}</li>`);
    out.push('</ol>');
  }
  out.push('</section>');

  out.push(renderRecapSection(recap));
  out.push(
    '<section id="downloads" class="doc-section" aria-labelledby="downloads-h"><h2 id="downloads-h">Downloads</h2>',
    '<ul class="recap-exports" aria-label="Download the transcript">',
    ...EXPORTS.map(
      ([key, label, hint]) =>
        `<li><a href="${esc(urls.exports[key])}" download>${label}</a> <span class="muted">— ${hint}</span></li>`,
    ),
    '</ul></section>',
  );
  out.push('<footer class="page-footer">');
  out.push(
    opts.standalone
      ? `<p>Exported from <a href="${esc(urls.transcript_url)}">${esc(urls.transcript_url)}</a> on <time datetime="${recap.generated_at}">${esc(recap.generated_at.slice(0, 16).replace('T', ' '))} UTC</time>.</p>`
      : `<p>A permanent transcript kept by Hashchat. <a href="${esc(doc.session.url)}">Session page</a> · <a href="${esc(doc.session.room_url)}">Room</a></p>`,
  );
  out.push('</footer></div></main>');
  if (!opts.standalone) out.push(renderTabBar(opts.viewer ?? null, here));
  out.push('</body></html>');
  return out.join('');
}
