import type { Options } from 'rrule';
import * as rruleModule from 'rrule';
import { HashchatError } from '../errors';
import { parseRrule, type RecurrenceRule } from './recurrence-rule';
import { floatingToUtcMs, formatLocal, parseLocal, requireTimeZone, utcToFloatingMs } from './zone-time';

/**
 * When a chat's sessions happen. The rule is expanded in floating wall time (rrule sees the
 * local wall clock as if it were UTC, so the machine's zone never matters) and each wall time
 * is then placed in the chat's home zone: "every Tuesday 20:00" stays 20:00 on both sides of a
 * DST change, and the UTC instant moves instead.
 */

export interface Schedule {
  /** First session's local start, "YYYY-MM-DDTHH:mm[:ss]" without offset, read in `timeZone`. */
  startsAtLocal: string;
  /** The chat's home zone (IANA). */
  timeZone: string;
  durationMinutes: number;
  /** RFC 5545 RRULE value ("FREQ=WEEKLY;BYDAY=TU"); none for a one-off chat. */
  rrule?: string | null;
}

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /**
   * The wall time the rule scheduled, in the home zone (like an iCalendar RECURRENCE-ID). In a
   * DST gap it names the skipped time (02:30) while `startsAt` is the real one (03:30); it is
   * not changed when the session is moved. Show people `startsAt`, formatted.
   */
  localStart: string;
}

/** An occurrence after overrides: `originalStart` identifies it, `moved` says whether it was moved. */
export interface SessionOccurrence extends Occurrence {
  originalStart: Date;
  moved: boolean;
}

/** A change to one occurrence, found by its original start instant. */
export interface OccurrenceOverride {
  originalStart: Date;
  cancelled?: boolean;
  startsAt?: Date;
  endsAt?: Date;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Zone offsets stay within -12h…+14h; a day either side covers them with room to spare.
const FLOATING_MARGIN_MS = DAY_MS + 2 * 3_600_000;
const MAX_DURATION_MINUTES = 7 * 24 * 60;
const MAX_LIMIT = 10_000;
const DEFAULT_LIMIT = 500;
const DEFAULT_HORIZON_DAYS = 3_700; // ten years and a bit: a yearly 29 February still shows up

// Node's own ESM loader sees rrule's UMD build and exposes only `default`; bundlers and
// vitest see its ESM build with named exports. Accept both.
const { RRule } =
  (rruleModule as unknown as { default?: typeof rruleModule }).default?.RRule !== undefined
    ? (rruleModule as unknown as { default: typeof rruleModule }).default
    : rruleModule;

/**
 * Every occurrence that overlaps `window` (starts before `window.to` and ends after
 * `window.from`), in order, at most `limit`. Throws Unprocessable for a bad schedule.
 */
export function occurrences(schedule: Schedule, window: TimeWindow, limit = DEFAULT_LIMIT): Occurrence[] {
  const zone = requireTimeZone(schedule.timeZone);
  const start = parseLocal(schedule.startsAtLocal);
  const durationMs = checkDuration(schedule.durationMinutes) * MINUTE_MS;
  const from = checkDate(window.from, 'window.from');
  const to = checkDate(window.to, 'window.to');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new HashchatError('Unprocessable', `limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const result: Occurrence[] = [];
  if (to <= from) return result;

  const place = (floating: number): Occurrence => {
    const startsAt = floatingToUtcMs(floating, zone);
    return {
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + durationMs),
      localStart: formatLocal(floating),
    };
  };
  const overlaps = (o: Occurrence) => o.startsAt.getTime() < to && o.endsAt.getTime() > from;

  if (!schedule.rrule) {
    const only = place(start);
    if (overlaps(only)) result.push(only);
    return result;
  }

  const rule = new RRule(
    { ...ruleOptions(parseRrule(schedule.rrule), zone), dtstart: new Date(start) },
    true,
  );
  // Sessions are at least a day apart in wall time and offsets change by less than a day, so
  // instants come in the same order as wall times and the walk can stop at the first late one.
  rule.between(
    new Date(utcToFloatingMs(from, zone) - durationMs - FLOATING_MARGIN_MS),
    new Date(utcToFloatingMs(to, zone) + FLOATING_MARGIN_MS),
    true,
    (floating) => {
      const occurrence = place(floating.getTime());
      if (occurrence.startsAt.getTime() >= to) return false;
      if (overlaps(occurrence)) result.push(occurrence);
      return result.length < limit;
    },
  );
  return result;
}

/**
 * The session in progress at `now` (started, not yet ended), or else the next one to start;
 * null when none starts within `horizonDays`.
 */
export function nextOccurrence(
  schedule: Schedule,
  now: Date,
  horizonDays = DEFAULT_HORIZON_DAYS,
): Occurrence | null {
  const from = checkDate(now, 'now');
  const window = { from: new Date(from), to: new Date(from + horizonDays * DAY_MS) };
  return occurrences(schedule, window, 1)[0] ?? null;
}

/**
 * Applies per-occurrence overrides: an override whose `originalStart` equals an occurrence's
 * `startsAt` cancels it or moves it (a new `startsAt` alone keeps the duration; `endsAt` alone
 * changes the end). Other occurrences are untouched; the result is sorted by `startsAt`.
 * Overrides matching no occurrence are ignored; to catch sessions moved into a window, use
 * `sessionsInWindow`.
 */
export function applyOverrides(
  list: readonly Occurrence[],
  overrides: readonly OccurrenceOverride[],
): SessionOccurrence[] {
  const byOriginal = new Map(overrides.map((o) => [checkDate(o.originalStart, 'originalStart'), o]));
  const result: SessionOccurrence[] = [];
  for (const occurrence of list) {
    const override = byOriginal.get(occurrence.startsAt.getTime());
    const session: SessionOccurrence = { ...occurrence, originalStart: occurrence.startsAt, moved: false };
    if (!override) {
      result.push(session);
    } else if (!override.cancelled) {
      result.push(move(session, override));
    }
  }
  return result.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * The sessions of a schedule that overlap `window` once overrides are applied: cancelled ones
 * gone, moved ones where they now are, including those moved in from outside the window.
 */
export function sessionsInWindow(
  schedule: Schedule,
  overrides: readonly OccurrenceOverride[],
  window: TimeWindow,
  limit = DEFAULT_LIMIT,
): SessionOccurrence[] {
  const from = checkDate(window.from, 'window.from');
  const to = checkDate(window.to, 'window.to');
  const base = occurrences(schedule, window, Math.min(MAX_LIMIT, limit + overrides.length));
  const seen = new Set(base.map((o) => o.startsAt.getTime()));
  for (const override of overrides) {
    const original = checkDate(override.originalStart, 'originalStart');
    if (override.cancelled || seen.has(original) || override.startsAt === undefined) continue;
    // Only a real occurrence of the rule can be moved into the window.
    const [candidate] = occurrences(schedule, { from: new Date(original), to: new Date(original + 1) }, 1);
    if (candidate && candidate.startsAt.getTime() === original) {
      base.push(candidate);
      seen.add(original);
    }
  }
  return applyOverrides(base, overrides)
    .filter((s) => s.startsAt.getTime() < to && s.endsAt.getTime() > from)
    .slice(0, limit);
}

function move(session: SessionOccurrence, override: OccurrenceOverride): SessionOccurrence {
  const durationMs = session.endsAt.getTime() - session.startsAt.getTime();
  const startsAt = override.startsAt ?? session.startsAt;
  const endsAt = override.endsAt ?? new Date(startsAt.getTime() + durationMs);
  checkDate(startsAt, 'startsAt');
  if (checkDate(endsAt, 'endsAt') <= startsAt.getTime()) {
    throw new HashchatError('Unprocessable', 'A moved session must end after it starts');
  }
  const moved =
    startsAt.getTime() !== session.startsAt.getTime() || endsAt.getTime() !== session.endsAt.getTime();
  return { ...session, startsAt, endsAt, moved };
}

// Options for rrule in floating time. UNTIL in UTC ("…Z") is turned into the home zone's wall
// time at that instant, as RFC 5545 means it for a DTSTART with a TZID.
function ruleOptions(rule: RecurrenceRule, zone: ReturnType<typeof requireTimeZone>): Partial<Options> {
  const withoutUntil = Object.entries(rule.parts)
    .filter(([name]) => name !== 'UNTIL')
    .map(([name, value]) => `${name}=${value}`)
    .join(';');
  const options: Partial<Options> = { ...RRule.parseString(withoutUntil), tzid: null };
  const until = rule.until;
  if (until?.kind === 'utc') options.until = new Date(utcToFloatingMs(until.at.getTime(), zone));
  if (until?.kind === 'local') options.until = new Date(parseLocal(until.local));
  if (until?.kind === 'date') options.until = new Date(parseLocal(`${until.date}T23:59:59`) + 999);
  return options;
}

function checkDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MINUTES) {
    throw new HashchatError(
      'Unprocessable',
      `duration_minutes must be a whole number from 1 to ${MAX_DURATION_MINUTES}`,
    );
  }
  return minutes;
}

function checkDate(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new HashchatError('Unprocessable', `${name} is not a valid date`);
  return ms;
}
