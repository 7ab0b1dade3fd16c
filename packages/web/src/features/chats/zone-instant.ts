/** The offset of `timeZone` from UTC at `ms`, in milliseconds (Berlin in summer: +7_200_000). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local date-time ("2027-10-19T20:00") in `timeZone`, for previews; the server
 * does the authoritative conversion. A time the clocks skip moves forward by the gap; one they
 * pass twice is the earlier instant. Null for malformed input or an unknown zone.
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const floating = Date.UTC(year, month - 1, day, hour, minute);
  try {
    const candidates = [
      zoneOffsetMs(floating - 86_400_000, timeZone),
      zoneOffsetMs(floating + 86_400_000, timeZone),
    ]
      .map((offset) => ({ offset, instant: floating - offset }))
      .filter(({ offset, instant }) => zoneOffsetMs(instant, timeZone) === offset)
      .map(({ instant }) => instant)
      .sort((a, b) => a - b);
    if (candidates.length > 0) return new Date(candidates[0]);
    return new Date(floating - zoneOffsetMs(floating - 86_400_000, timeZone));
  } catch {
    return null;
  }
}
