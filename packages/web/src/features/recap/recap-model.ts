import type { Recap } from '@hashchat/api/entities/recap';

/** What the recap page shows, derived from the Recap entity: chart rows and figures, in the viewer's zone. */

export interface ChartRow {
  /** The category under the axis and in the table's first column. */
  label: string;
  value: number;
}

export interface FormatOptions {
  locale?: string;
  timeZone?: string;
}

/** The local clock time of an instant, "14:51". */
export function clockTime(iso: string, options: FormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

/** Posts per minute as chart rows labelled with the minute's local time, and the peak's index. */
export function minuteRows(
  recap: Recap,
  options: FormatOptions = {},
): { rows: ChartRow[]; peak: number | null } {
  const rows = recap.posts_per_minute.map((m) => ({ label: clockTime(m.at, options), value: m.count }));
  const peakMinute = recap.peak_minute?.minute;
  const peak = recap.posts_per_minute.findIndex((m) => m.minute === peakMinute);
  return { rows, peak: peak >= 0 ? peak : null };
}

/** Answers per question as chart rows, "Q1", "Q2"… */
export function answerRows(recap: Recap): ChartRow[] {
  return recap.answers_per_question.map((a) => ({ label: `Q${a.question_number}`, value: a.count }));
}

/** A share (0–1) as a percentage, whole when it is whole: 0.25 → "25%", 0.0806 → "8.1%". */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** A count with grouping, "48,800". */
export function count(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale ?? 'en').format(n);
}

/** "1 status", "8 statuses". */
export function plural(n: number, one: string, many: string, locale?: string): string {
  return `${count(n, locale)} ${n === 1 ? one : many}`;
}

/** A link as people read it: host and path, without the scheme or a trailing slash. */
export function linkLabel(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname}${u.search}`.replace(/\/$/, '');
    return `${u.host.replace(/^www\./, '')}${rest}`;
  } catch {
    return url;
  }
}
