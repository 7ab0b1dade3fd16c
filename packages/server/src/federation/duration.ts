/** The fields of a Temporal.Duration we read (Fedify passes @js-temporal/polyfill durations). */
export interface DurationFields {
  readonly sign: number;
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly milliseconds: number;
  readonly microseconds: number;
  readonly nanoseconds: number;
}

const DAY = 86_400_000;

/**
 * A duration in milliseconds. Calendar units are read as fixed lengths (a day is 24 hours, a
 * month 30 days, a year 365): TTLs and delays are short, and no calendar is at hand.
 */
export function durationMs(d: DurationFields): number {
  const ms =
    d.years * 365 * DAY +
    d.months * 30 * DAY +
    d.weeks * 7 * DAY +
    d.days * DAY +
    d.hours * 3_600_000 +
    d.minutes * 60_000 +
    d.seconds * 1000 +
    d.milliseconds +
    d.microseconds / 1000 +
    d.nanoseconds / 1_000_000;
  // Duration fields all carry the sign already; this guards a hand-made object.
  return Math.abs(ms) * (d.sign < 0 ? -1 : 1);
}
