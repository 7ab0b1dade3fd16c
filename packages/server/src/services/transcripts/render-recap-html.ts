import { headlineFigures } from '@hashchat/core/chat/session-clock';
import { escapeHtml as esc } from '@hashchat/core/text/render';
import type { RecapEntity } from '../../present/recap';
import { formatCount, localClock } from './local-clock';
import { renderMediaThumb } from './render-media-html';
import { zoneTime } from './render-zone-time';
import { type Bar, svgBarChart } from './svg-bar-chart';

const num = formatCount;
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

function table(caption: string, head: [string, string], rows: [string, number][]): string {
  const body = rows.map(([k, v]) => `<tr><td>${k}</td><td class="n">${num(v)}</td></tr>`).join('');
  return `<table><caption class="note">${esc(caption)}</caption><thead><tr><th scope="col">${esc(head[0])}</th><th scope="col" class="n">${esc(head[1])}</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** A chart with its table alternative (the table sits in a disclosure so it does not double the page). */
function chartWithTable(id: string, title: string, description: string, bars: Bar[], head: [string, string]) {
  const svg = svgBarChart({ id, title, description, bars });
  // A clock time in the table is marked like every other time of the page.
  const rows = bars.map((b): [string, number] => [
    b.at ? zoneTime(Date.parse(b.at.iso), b.at.zone, 'clock', b.label) : esc(b.label),
    b.value,
  ]);
  return `<figure aria-labelledby="${id}-caption"><figcaption id="${id}-caption"><h3>${esc(title)}</h3></figcaption>${svg}<details><summary>${esc(title)} as a table</summary>${table(title, head, rows)}</details></figure>`;
}

const accountLink = (a: { url: string; acct: string; display_name: string }) =>
  `<a href="${esc(a.url)}">${esc(a.display_name || a.acct)}</a> <span class="acct">@${esc(a.acct)}</span>`;

/** The recap section of the transcript page and its HTML export: figures, static SVG charts with tables, lists, definitions. */
export function renderRecapSection(r: RecapEntity): string {
  const zone = r.session.time_zone;
  const clock = localClock(zone);
  const parts: string[] = [];
  parts.push('<section id="recap" class="doc-section" aria-labelledby="recap-h"><h2 id="recap-h">Recap</h2>');
  // The same figures, words and markup as the recap page's (recap-figures.tsx).
  parts.push('<dl class="recap-figures">');
  for (const f of headlineFigures(r)) {
    const value = 'at' in f.value ? zoneTime(Date.parse(f.value.at), zone, 'dual') : esc(f.value.text);
    const definition = (r.definitions as Record<string, string>)[f.definition];
    parts.push(
      `<div class="recap-figure" data-figure="${f.key}"><dt>${esc(f.label)}</dt><dd class="figure-value">${value}</dd>`,
      f.detail ? `<dd class="figure-detail">${esc(f.detail)}</dd>` : '',
      definition ? `<dd class="figure-definition">${esc(definition)}</dd>` : '',
      '</div>',
    );
  }
  parts.push('</dl>');
  parts.push(
    chartWithTable(
      'chart-posts-per-minute',
      'Posts per minute',
      r.posts_per_minute.length === 0
        ? 'No statuses yet.'
        : `Statuses per minute from ${clock(Date.parse(r.posts_per_minute[0].at))} to ${clock(Date.parse(r.posts_per_minute[r.posts_per_minute.length - 1].at))} (${zone}); the busiest minute had ${r.peak_minute?.count ?? 0}.`,
      r.posts_per_minute.map((m) => ({
        label: clock(Date.parse(m.at)),
        value: m.count,
        at: { iso: m.at, zone },
      })),
      ['Minute', 'Statuses'],
    ),
  );
  parts.push(
    chartWithTable(
      'chart-answers-per-question',
      'Answers per question',
      r.answers_per_question.length === 0
        ? 'No questions were asked.'
        : r.answers_per_question.map((a) => `Q${a.question_number}: ${a.count}`).join(', '),
      r.answers_per_question.map((a) => ({ label: `Q${a.question_number}`, value: a.count })),
      ['Question', 'Answers'],
    ),
  );
  // A poll section (the session's poll results) goes here, as on the recap page: after the activity charts.
  parts.push('<h3>Most active participants</h3>');
  parts.push(
    r.top_participants.length === 0
      ? '<p class="note">Nobody yet.</p>'
      : `<ol>${r.top_participants.map((p) => `<li>${accountLink(p.account)} — ${plural(p.statuses_count, 'status', 'statuses')}</li>`).join('')}</ol>`,
  );
  parts.push('<h3>Top answers</h3>');
  parts.push(
    r.top_answers.length === 0
      ? '<p class="note">No answer has been liked or reposted yet.</p>'
      : `<ol>${r.top_answers
          .map(
            (a) =>
              `<li><a href="#s${esc(a.status.id)}">A${a.question_number ?? ''} by @${esc(a.status.account.acct)}</a> — ${plural(a.favourites_count, 'like', 'likes')}, ${plural(a.reblogs_count, 'repost', 'reposts')}${renderMediaThumb(a.status.media_attachments, a.status.sensitive)}</li>`,
          )
          .join('')}</ol>`,
  );
  parts.push('<h3>Most mentioned</h3>');
  parts.push(
    r.most_mentioned.length === 0
      ? '<p class="note">Nobody was mentioned.</p>'
      : `<ol>${r.most_mentioned.map((m) => `<li>${accountLink(m.account)} — ${plural(m.mentions_count, 'mention', 'mentions')}</li>`).join('')}</ol>`,
  );
  parts.push('<h3>Resources shared</h3>');
  parts.push(
    r.links.length === 0
      ? '<p class="note">No links were shared.</p>'
      : `<ul class="links">${r.links.map((l) => `<li><a href="${esc(l.url)}" rel="nofollow noopener noreferrer">${esc(l.title ?? l.url)}</a> — shared ${num(l.count)}×</li>`).join('')}</ul>`,
  );
  parts.push('<h3>Languages</h3>');
  parts.push(
    r.languages.length === 0
      ? '<p class="note">—</p>'
      : table(
          'Statuses by language',
          ['Language', 'Statuses'],
          r.languages.map((l): [string, number] => [esc(l.language), l.count]),
        ),
  );
  parts.push('<h3>How these are counted</h3><dl class="definitions">');
  for (const [k, v] of Object.entries(r.definitions))
    parts.push(`<dt>${esc(k.replace(/_/g, ' '))}</dt><dd>${esc(v)}</dd>`);
  parts.push('</dl></section>');
  return parts.join('');
}
