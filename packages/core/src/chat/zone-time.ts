import { DateTime, IANAZone } from 'luxon';
import { HashchatError } from '../errors';

/**
 * Wall-clock times in a chat's home zone. A "floating" time is a local date-time without a
 * zone, held as the milliseconds it would have if it were UTC; it is never shown or stored
 * as an instant, only converted to one with `floatingToUtcMs`.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
// IANA names only ("Europe/Berlin", "UTC", "Etc/GMT+5"), not offsets like "+05:00".
const ZONE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** True for an IANA time zone name this runtime knows (case-insensitive, as Intl is). */
export function isValidTimeZone(tz: string): boolean {
  return typeof tz === 'string' && tz.length <= 64 && ZONE_NAME_PATTERN.test(tz) && IANAZone.isValidZone(tz);
}

/**
 * Zones already checked. Every presented session resolves its chat's zone, and Luxon's check
 * builds an Intl.DateTimeFormat each time (half a second of CPU in a 1,000-person join storm);
 * the names are few, and the cache is bounded against spellings made up to fill it.
 */
const knownZones = new Map<string, IANAZone>();
const KNOWN_ZONES_MAX = 1000;

/** The zone, or Unprocessable naming the bad value. */
export function requireTimeZone(tz: string): IANAZone {
  const known = knownZones.get(tz);
  if (known) return known;
  if (!isValidTimeZone(tz)) {
    throw new HashchatError(
      'Unprocessable',
      `Unknown time zone "${tz}"; use an IANA name like "Europe/Berlin"`,
    );
  }
  const zone = IANAZone.create(tz);
  if (knownZones.size < KNOWN_ZONES_MAX) knownZones.set(tz, zone);
  return zone;
}

/** Parses "YYYY-MM-DDTHH:mm[:ss]" (no offset) into floating milliseconds, or throws Unprocessable. */
export function parseLocal(local: string): number {
  const match = typeof local === 'string' ? LOCAL_PATTERN.exec(local) : null;
  if (!match) {
    throw new HashchatError(
      'Unprocessable',
      `Invalid local date-time "${local}"; expected YYYY-MM-DDTHH:mm or YYYY-MM-DDTHH:mm:ss without an offset`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const valid =
    year >= 1000 &&
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  if (!valid)
    throw new HashchatError('Unprocessable', `Invalid local date-time "${local}": no such date or time`);
  return ms;
}

/** Floating milliseconds back to "YYYY-MM-DDTHH:mm", with ":ss" only when the seconds are not zero. */
export function formatLocal(floatingMs: number): string {
  const iso = new Date(floatingMs).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const seconds = iso.slice(17, 19);
  return seconds === '00' ? iso.slice(0, 16) : iso.slice(0, 19);
}

/**
 * The UTC instant of a floating wall time in `zone`, with the same rules as Temporal's
 * "compatible" disambiguation: a time that occurs twice (clocks fall back) resolves to the
 * earlier instant; a time that does not exist (clocks spring forward) is moved forward by the
 * length of the gap, so 02:30 on the day New York jumps from 02:00 to 03:00 becomes 03:30 EDT.
 */
export function floatingToUtcMs(floatingMs: number, zone: IANAZone): number {
  const offsetBefore = zone.offset(floatingMs - DAY_MS);
  const offsetAfter = zone.offset(floatingMs + DAY_MS);
  const instants = [offsetBefore, offsetAfter]
    .map((offset) => ({ offset, instant: floatingMs - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => zone.offset(instant) === offset)
    .map(({ instant }) => instant)
    .sort((a, b) => a - b);
  if (instants.length > 0) return instants[0];
  // In the gap: read the wall time with the offset in force before the jump.
  return floatingMs - offsetBefore * MINUTE_MS;
}

/** The floating wall time at which `utcMs` happens in `zone`. */
export function utcToFloatingMs(utcMs: number, zone: IANAZone): number {
  return utcMs + zone.offset(utcMs) * MINUTE_MS;
}

/**
 * The instant of a local date-time ("2027-10-19T20:00") read in an IANA zone. Throws
 * Unprocessable for a malformed or impossible date-time or an unknown zone. DST: an ambiguous
 * time (fall back) is the earlier instant; a skipped time (spring forward) moves forward by
 * the gap (02:30 → 03:30).
 */
export function localToUtc(local: string, timeZone: string): Date {
  const zone = requireTimeZone(timeZone);
  return new Date(floatingToUtcMs(parseLocal(local), zone));
}

/** The local date-time ("YYYY-MM-DDTHH:mm[:ss]") of an instant in an IANA zone. */
export function utcToLocal(date: Date, timeZone: string): string {
  return formatLocal(utcToFloatingMs(date.getTime(), requireTimeZone(timeZone)));
}

/**
 * A date for people, in the given zone, e.g. "Tue 19 Oct 2027, 20:00 EDT". The zone is named
 * by its abbreviation when the locale (or English) has one, else by its offset ("GMT+9").
 */
export function formatInZone(date: Date, timeZone: string, locale = 'en-GB'): string {
  requireTimeZone(timeZone);
  const local = DateTime.fromJSDate(date, { zone: timeZone }).setLocale(locale);
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} ${zoneAbbreviation(date, timeZone, locale)}`;
}

// ICU knows "EDT" only in en-US and "CEST" only in en-GB (and others), so try those before
// falling back to a plain offset.
function zoneAbbreviation(date: Date, timeZone: string, locale: string): string {
  const names = [locale, 'en-US', 'en-GB'].map(
    (candidate) =>
      new Intl.DateTimeFormat(candidate, { timeZone, timeZoneName: 'short' })
        .formatToParts(date)
        .find((part) => part.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((name) => name !== '' && !/^(GMT|UTC)[+\-−]/.test(name)) ?? names[0];
}
