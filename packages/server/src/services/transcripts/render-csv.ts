import type { TranscriptDocument } from './load-transcript';

export const CSV_COLUMNS = [
  'id',
  'created_at',
  'account',
  'kind',
  'question_number',
  'text',
  'url',
  'in_reply_to_id',
  'favourites_count',
  'reblogs_count',
  'late',
  'spotlighted',
  'media_urls',
] as const;

/**
 * One CSV field (RFC 4180). A text cell that a spreadsheet would run as a formula (starting
 * with = + - @ or a tab) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvField(value: string | number | boolean | null, guardFormula = false): string {
  let s = value === null ? '' : String(value);
  if (guardFormula && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The transcript as CSV: a header row, then one row per status in time order. */
export function renderTranscriptCsv(doc: TranscriptDocument): string {
  const textById = new Map(doc.rows.map((r) => [String(r.id), r.text]));
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of doc.statuses) {
    lines.push(
      [
        csvField(s.id),
        csvField(s.created_at),
        csvField(s.account.acct),
        csvField(s.chat.kind),
        csvField(s.chat.question_number),
        csvField(textById.get(s.id) ?? '', true),
        csvField(s.url),
        csvField(s.in_reply_to_id),
        csvField(s.favourites_count),
        csvField(s.reblogs_count),
        csvField(s.chat.late),
        csvField(s.chat.spotlighted),
        // Space-separated: a URL has no space. Guarded like the text, though ours start with http.
        csvField(s.media_attachments.flatMap((m) => (m.url ? [m.url] : [])).join(' '), true),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
