import { pollPercents } from '@hashchat/core/status/poll-rules';
import type { RoomStatusEntity } from '../../present/room-status';
import type { TranscriptDocument } from './load-transcript';
import { localClock } from './local-clock';

/** Escapes what Markdown would read as formatting or HTML, so a status reads as it was written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]{}<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-]|\d+[.)])(?=\s)/gm, (_m, sp, mark) => `${sp}\\${mark}`);
}

/** A URL as a Markdown link destination: nothing in it can close the link or start another. */
const destination = (url: string) =>
  url.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/**
 * A status's images as Markdown: `![alt](url)` each, the alt text escaped and on one line. A
 * sensitive status's images are links, not images, so a Markdown viewer does not show them
 * unasked.
 */
export function markdownImages(s: RoomStatusEntity): string[] {
  return s.media_attachments
    .filter((m) => m.url !== null)
    .map((m) => {
      const alt = escapeMarkdown((m.description ?? '').replace(/\s+/g, ' ').trim());
      const url = destination(m.url ?? '');
      return s.sensitive ? `[Sensitive image${alt ? `: ${alt}` : ''}](${url})` : `![${alt}](${url})`;
    });
}

/** A status's poll as a nested list under the status: each option with its count and share. */
function markdownPoll(s: RoomStatusEntity): string {
  if (!s.poll) return '';
  const percents = pollPercents(s.poll);
  const options = s.poll.options.map((o, i) => {
    const result =
      o.votes_count === null
        ? 'hidden until it closes'
        : `${o.votes_count} ${o.votes_count === 1 ? 'vote' : 'votes'} (${percents[i]}%)`;
    return `\n    - ${escapeMarkdown(o.title)}: ${result}`;
  });
  return `\n  - _Poll, ${s.poll.expired ? 'closed' : 'open'}:_${options.join('')}`;
}

function line(s: RoomStatusEntity, clock: (ms: number) => string, textById: Map<string, string>): string {
  const when = clock(Date.parse(s.created_at));
  const marks = [
    s.chat.author_role?.replace('_', '-') ?? '',
    s.chat.spotlighted ? 'spotlighted' : '',
    s.chat.late ? 'late' : '',
  ].filter(Boolean);
  const text = escapeMarkdown(textById.get(s.id) ?? '').replace(/\r\n|\r|\n/g, '\n  ');
  const tag = marks.length > 0 ? ` _(${marks.join(', ')})_` : '';
  const images = markdownImages(s)
    .map((i) => `\n  ${i}`)
    .join('');
  return `- **@${escapeMarkdown(s.account.acct)}** [${when}](${s.url})${tag}: ${text}${images}${markdownPoll(s)}`;
}

/** The transcript as Markdown: statuses as plain text (as written), questions as headings, answers as lists. */
export function renderTranscriptMarkdown(doc: TranscriptDocument, transcriptUrl: string): string {
  const textById = new Map(doc.rows.map((r) => [String(r.id), r.text]));
  const clock = localClock(doc.chat.time_zone);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(doc.session.title)} — #${escapeMarkdown(doc.chat.hashtag)}`, '');
  out.push(`- Chat: ${escapeMarkdown(doc.chat.title)}`);
  out.push(`- Starts: ${doc.session.starts_at} (${doc.chat.time_zone}: ${doc.session.local_starts_at})`);
  out.push(`- State: ${doc.session.state}${doc.final ? ' (final; late replies are marked)' : ''}`);
  out.push(`- Transcript: <${transcriptUrl}>`);
  out.push(`- Times below are in ${doc.chat.time_zone}.`, '');
  out.push('## Questions', '');
  if (doc.transcript.questions.length === 0) out.push('No questions were asked.', '');
  for (const q of doc.transcript.questions) {
    out.push(`### Question ${q.questionNumber}`, '');
    if (q.question) out.push(line(q.question.status, clock, textById), '');
    else out.push('_The question itself is not in the room._', '');
    if (q.answers.length > 0) {
      out.push(`#### Answers (${q.answers.length})`, '');
      for (const a of q.answers) out.push(line(a.status, clock, textById));
      out.push('');
    }
  }
  out.push('## Other statuses', '');
  if (doc.transcript.others.length === 0) out.push('None.', '');
  for (const s of doc.transcript.others) out.push(line(s.status, clock, textById));
  return `${out.join('\n').trimEnd()}\n`;
}
