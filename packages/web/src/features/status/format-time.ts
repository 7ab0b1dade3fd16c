import { zoneAbbreviation } from '../chats/format-session-time';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimeOptions {
  locale?: string;
  timeZone?: string;
}

function dayKey(date: Date, options: TimeOptions): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, dateStyle: 'short' }).format(date);
}

/**
 * The short local label of a moment: the time today ("14:05"), the weekday and time within
 * the last week ("Tue 14:05"), otherwise the date and time.
 */
export function shortTime(date: Date, now: Date, options: TimeOptions = {}): string {
  const { locale, timeZone } = options;
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', timeZone };
  if (dayKey(date, options) === dayKey(now, options)) {
    return new Intl.DateTimeFormat(locale, time).format(date);
  }
  if (now.getTime() - date.getTime() < 6 * DAY_MS && date.getTime() < now.getTime()) {
    return new Intl.DateTimeFormat(locale, { ...time, weekday: 'short' }).format(date);
  }
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(locale, {
    ...time,
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  }).format(date);
}

/** The full local date and time with the zone named ("… at 14:05 CET"), for tooltips and the status page. */
export function fullTime(date: Date, options: TimeOptions = {}): string {
  const text = new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(date);
  return `${text} ${zoneAbbreviation(date, options)}`;
}
