/** Times of sessions for people: in the viewer's zone unless told otherwise, always with the zone named. */

export interface ZoneOptions {
  /** BCP 47 locale; the browser's when absent. */
  locale?: string;
  /** IANA zone; the browser's when absent. */
  timeZone?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
// Closer than this, "in 3 hours" says more than "today".
const HOURS_RELATIVE_MS = 12 * HOUR_MS;

/** The viewer's IANA time zone as the browser knows it. */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function zonePart(date: Date, timeZone: string | undefined, locale: string | undefined): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? ''
  );
}

/**
 * The zone's short name at `date` ("CEST", "EDT"), or its offset ("GMT+9") when no locale we
 * try has a name for it: ICU knows "EDT" only in en-US and "CEST" only in en-GB and others.
 */
export function zoneAbbreviation(date: Date, options: ZoneOptions = {}): string {
  const names = [options.locale, 'en-US', 'en-GB'].map((locale) => zonePart(date, options.timeZone, locale));
  return names.find((name) => name !== '' && !/^(GMT|UTC)[+\-−]/.test(name)) ?? names[0];
}

/** "YYYY-MM-DD" of the local day of `date` in the zone. */
export function dayKey(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

function dayNumber(date: Date, timeZone?: string): number {
  return Date.parse(`${dayKey(date, timeZone)}T00:00:00Z`) / (24 * HOUR_MS);
}

/** Calendar days from the local day of `now` to that of `date` (0 today, 1 tomorrow, -1 yesterday). */
export function daysBetween(now: Date, date: Date, timeZone?: string): number {
  return Math.round(dayNumber(date, timeZone) - dayNumber(now, timeZone));
}

/** The local time of day, "20:00" (or "8:00 PM", as the locale writes it). */
export function timeOfDay(date: Date, options: ZoneOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).format(date);
}

/** "Tue 19 Oct, 20:00" in the zone; the year only when it is not the year of `now`. */
export function dateAndTime(date: Date, now: Date, options: ZoneOptions = {}): string {
  const year = (d: Date) =>
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: options.timeZone }).format(d);
  return new Intl.DateTimeFormat(options.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: year(date) === year(now) ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).format(date);
}

/** "Tue 19 Oct, 20:00 CEST": the session's start in the zone, with the zone named. */
export function sessionWhen(date: Date, now: Date, options: ZoneOptions = {}): string {
  return `${dateAndTime(date, now, options)} ${zoneAbbreviation(date, options)}`;
}

/**
 * How far away `date` is, as people say it: "in 12 minutes", "in 3 hours", "tomorrow",
 * "in 2 days", "2 hours ago", "yesterday". Within a minute it is "now".
 */
export function relativeLabel(date: Date, now: Date, options: ZoneOptions = {}): string {
  const rtf = new Intl.RelativeTimeFormat(options.locale, { numeric: 'auto' });
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE_MS) return rtf.format(0, 'second');
  if (abs < HOUR_MS) return rtf.format(Math.trunc(diff / MINUTE_MS), 'minute');
  if (abs < HOURS_RELATIVE_MS) return rtf.format(Math.trunc(diff / HOUR_MS), 'hour');
  return rtf.format(daysBetween(now, date, options.timeZone), 'day');
}

/** "in 2 days, Tue 19 Oct, 20:00 CEST". */
export function relativeWhen(date: Date, now: Date, options: ZoneOptions = {}): string {
  return `${relativeLabel(date, now, options)}, ${sessionWhen(date, now, options)}`;
}

/** A ticking countdown: "12:34", "1:02:03"; never negative. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** The heading of a day in the directory: "Today", "Tomorrow", or "Thursday 21 October". */
export function dayHeading(date: Date, now: Date, options: ZoneOptions = {}): string {
  const days = daysBetween(now, date, options.timeZone);
  const long = new Intl.DateTimeFormat(options.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: options.timeZone,
  }).format(date);
  if (days === 0) return `Today, ${long}`;
  if (days === 1) return `Tomorrow, ${long}`;
  return long;
}

/** True when the two zones show the same wall-clock time at `date` (so naming both adds nothing). */
export function sameWallClock(date: Date, zoneA: string, zoneB: string): boolean {
  const wall = (timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(date);
  return wall(zoneA) === wall(zoneB);
}
