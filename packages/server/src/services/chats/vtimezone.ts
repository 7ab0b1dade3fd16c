import { DateTime, IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

/**
 * A VTIMEZONE for an IANA zone, built from the runtime's own zone data: one STANDARD or
 * DAYLIGHT part for the offset in force at `fromMs`, then one per offset change up to `toMs`,
 * each with its exact local onset. Explicit transitions (no RRULE inside) say the same thing to
 * every calendar app, whatever rules the zone followed in which year.
 */
export function vtimezone(tz: string, fromMs: number, toMs: number): string {
  const zone = IANAZone.create(tz);
  const start = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  let offset = zone.offset(start);
  lines.push(...part(tz, start, offset, offset));
  for (let t = start; t < toMs; t += WEEK_MS) {
    const next = zone.offset(t + WEEK_MS);
    if (next === offset) continue;
    const at = transitionBetween(zone, t, t + WEEK_MS);
    lines.push(...part(tz, at, offset, zone.offset(at)));
    offset = zone.offset(at);
    // Two changes in one week (rare, but zones do odd things): look again from here.
    if (offset !== next) t = at - WEEK_MS + MINUTE_MS;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The first minute in (lo, hi] whose offset differs from lo's. */
function transitionBetween(zone: IANAZone, lo: number, hi: number): number {
  const before = zone.offset(lo);
  let a = lo;
  let b = hi;
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

function part(tz: string, at: number, fromOffset: number, toOffset: number): string[] {
  const local = DateTime.fromMillis(at, { zone: tz });
  const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
  // The onset is written in the local time that was in force just before it.
  const onset = DateTime.fromMillis(at + fromOffset * MINUTE_MS, { zone: 'utc' }).toFormat(
    "yyyyMMdd'T'HHmmss",
  );
  return [
    `BEGIN:${kind}`,
    `DTSTART:${onset}`,
    `TZOFFSETFROM:${formatOffset(fromOffset)}`,
    `TZOFFSETTO:${formatOffset(toOffset)}`,
    `TZNAME:${abbreviation(at, tz)}`,
    `END:${kind}`,
  ];
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

// ICU names "EDT" in en-US and "CEST" in en-GB; otherwise an offset like "GMT+9".
function abbreviation(at: number, tz: string): string {
  const names = ['en-US', 'en-GB'].map(
    (locale) =>
      new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' })
        .formatToParts(new Date(at))
        .find((p) => p.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((n) => n !== '' && !/^(GMT|UTC)[+\-−]/.test(n)) ?? names[0] ?? tz;
}
