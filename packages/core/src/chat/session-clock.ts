/**
 * Times and figures of a finished (or running) session as both its pages show them, the
 * transcript and the recap: a clock time in the viewer's zone with the chat's own beside it,
 * how long it ran, and the headline figures. Intl only (no zone database): the browser runs it.
 */

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** "21:43": the 24-hour clock time of an instant in an IANA zone. */
export function clockIn(ms: number, timeZone: string): string {
  return cached(clockFormats, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "Mon 1 Mar 2027": the local day of an instant in an IANA zone. */
export function dayIn(ms: number, timeZone: string): string {
  return cached(dateFormats, timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(ms)
    .replace(',', '');
}

/** The zone as people read it: "America/New_York" → "America/New York". */
export const zoneName = (timeZone: string) => timeZone.replace(/_/g, ' ');

export interface DualTimeOptions {
  /** Say the day too ("Mon 1 Mar 2027, 23:50 …"), for a start; a clock alone otherwise. */
  withDay?: boolean;
}

/**
 * An instant for the viewer, with the chat's zone beside it when its wall clock differs:
 * "23:51 your time · 09:51 America/New York"; "09:51 America/New York" when both agree.
 */
export function dualTime(
  ms: number,
  chatZone: string,
  viewerZone: string,
  options: DualTimeOptions = {},
): string {
  const chatClock = clockIn(ms, chatZone);
  const viewerClock = clockIn(ms, viewerZone);
  if (!options.withDay) {
    const chat = `${chatClock} ${zoneName(chatZone)}`;
    return viewerClock === chatClock ? chat : `${viewerClock} your time · ${chat}`;
  }
  const chatDay = dayIn(ms, chatZone);
  const viewerDay = dayIn(ms, viewerZone);
  if (viewerDay === chatDay && viewerClock === chatClock)
    return `${chatDay}, ${chatClock} ${zoneName(chatZone)}`;
  // The chat's day is said again only when it is another day there.
  const chat = viewerDay === chatDay ? chatClock : `${chatDay}, ${chatClock}`;
  return `${viewerDay}, ${viewerClock} your time · ${chat} ${zoneName(chatZone)}`;
}

/** How long something ran, as people say it: "45 s", "6 min", "1 h", "1 h 5 min". */
export function durationLabel(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** What the headline figures are computed from: a subset of the Recap entity. */
export interface HeadlineInput {
  statuses_count: number;
  late_statuses_count: number;
  participants_count: number;
  new_participants_count: number;
  returning_participants_count: number;
  hosts_statuses_count: number;
  hosts_share: number;
  peak_minute: { at: string; count: number } | null;
  potential_reach: number;
  potential_impressions: number;
}

export interface HeadlineFigure {
  /** Stable, for styling and tests (`data-figure`). */
  key: string;
  label: string;
  /** The figure as text, or an instant each page writes as a `dualTime`. */
  value: { text: string } | { at: string };
  detail?: string;
  /** Which entry of the recap's `definitions` says how it is counted. */
  definition: string;
}

const numbers = new Intl.NumberFormat('en');
const count = (n: number) => numbers.format(n);
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** A share (0–1) as a percentage, whole when it is whole: 0.25 → "25%", 0.0806 → "8.1%". */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** The headline figures of a recap, in the order and words both the transcript and the recap page show. */
export function headlineFigures(r: HeadlineInput): HeadlineFigure[] {
  const peak = r.peak_minute;
  return [
    {
      key: 'statuses',
      label: 'Statuses',
      value: { text: count(r.statuses_count) },
      detail: r.late_statuses_count > 0 ? `${count(r.late_statuses_count)} late` : undefined,
      definition: 'statuses',
    },
    {
      key: 'participants',
      label: 'Participants',
      value: { text: count(r.participants_count) },
      definition: 'participants',
    },
    {
      key: 'new',
      label: 'New participants',
      value: { text: count(r.new_participants_count) },
      detail: `${count(r.returning_participants_count)} returning`,
      definition: 'new_participants',
    },
    {
      key: 'hosts-share',
      label: "Hosts' share",
      value: { text: percent(r.hosts_share) },
      detail: `${plural(r.hosts_statuses_count, 'status', 'statuses')} by hosts`,
      definition: 'hosts_share',
    },
    {
      key: 'peak',
      label: 'Peak minute',
      value: peak ? { at: peak.at } : { text: '—' },
      detail: peak ? plural(peak.count, 'post', 'posts') : 'No posts yet',
      definition: 'posts_per_minute',
    },
    {
      key: 'reach',
      label: 'Potential reach',
      value: { text: count(r.potential_reach) },
      definition: 'potential_reach',
    },
    {
      key: 'impressions',
      label: 'Potential impressions',
      value: { text: count(r.potential_impressions) },
      definition: 'potential_impressions',
    },
  ];
}

/** Whole minutes a session ran (rounded), null until it has both started and ended. */
export function durationMinutes(startedAt: number | null, endedAt: number | null): number | null {
  if (startedAt === null || endedAt === null) return null;
  return Math.max(0, Math.round((endedAt - startedAt) / 60_000));
}
