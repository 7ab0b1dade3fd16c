import { HashchatError } from '../errors';

/**
 * RFC 5545 recurrence rules as chats use them: the rule says on which days a chat meets,
 * `starts_at` says at what time, so a rule can recur at most daily and may not set the time
 * of day (BYHOUR/BYMINUTE/BYSECOND).
 */

export type RecurrenceFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** UNTIL as written: a UTC instant ("…Z"), a local date-time (floating), or a whole local date. */
export type RecurrenceUntil =
  | { kind: 'utc'; at: Date }
  | { kind: 'local'; local: string } // "YYYY-MM-DDTHH:mm[:ss]", read in the chat's zone
  | { kind: 'date'; date: string }; // "YYYY-MM-DD", up to the end of that day in the chat's zone

export interface RecurrenceRule {
  /** Normalised rule text: upper case, no "RRULE:" prefix, parts in the order given. */
  text: string;
  freq: RecurrenceFrequency;
  interval: number;
  count: number | null;
  until: RecurrenceUntil | null;
  /** Every part as written (upper case), e.g. { FREQ: 'WEEKLY', BYDAY: 'TU' }. */
  parts: Readonly<Record<string, string>>;
}

const MAX_LENGTH = 500;
const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const TOO_FREQUENT = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
const TIME_OF_DAY_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);
const WEEKDAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const WEEKDAY_PATTERN = new RegExp(`^${WEEKDAY}$`);
const BYDAY_PATTERN = new RegExp(`^([+-]?\\d{1,2})?${WEEKDAY}$`);
const UNTIL_PATTERN = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

const fail = (rrule: string, why: string) =>
  new HashchatError('Unprocessable', `Invalid recurrence rule "${rrule}": ${why}`);

/** Parses and validates an RRULE value ("FREQ=WEEKLY;BYDAY=TU"); throws Unprocessable on anything else. */
export function parseRrule(rrule: string): RecurrenceRule {
  if (typeof rrule !== 'string' || rrule.trim() === '') throw fail(String(rrule), 'it is empty');
  if (rrule.length > MAX_LENGTH) throw fail(`${rrule.slice(0, 40)}…`, `longer than ${MAX_LENGTH} characters`);
  const body = rrule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '')
    .replace(/;$/, '');
  if (/[\r\n]/.test(body))
    throw fail(rrule, 'only a single RRULE value is allowed (no DTSTART or EXDATE lines)');

  const parts: Record<string, string> = {};
  for (const part of body.split(';')) {
    const match = /^([A-Z]+)=([A-Z0-9,+-]+)$/.exec(part);
    if (!match) throw fail(rrule, `"${part}" is not NAME=VALUE`);
    const [, name, value] = match;
    if (name in parts) throw fail(rrule, `${name} appears twice`);
    parts[name] = value;
  }

  const freq = parts.FREQ;
  if (freq === undefined) throw fail(rrule, 'FREQ is required');
  if (TOO_FREQUENT.has(freq)) throw fail(rrule, `FREQ=${freq} is not allowed; a chat recurs at most daily`);
  if (!FREQUENCIES.has(freq)) throw fail(rrule, `FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY`);

  for (const [name, value] of Object.entries(parts)) checkPart(rrule, freq, name, value);
  if (parts.COUNT !== undefined && parts.UNTIL !== undefined) {
    throw fail(rrule, 'COUNT and UNTIL cannot both be set');
  }

  return {
    text: Object.entries(parts)
      .map(([name, value]) => `${name}=${value}`)
      .join(';'),
    freq: freq as RecurrenceFrequency,
    interval: parts.INTERVAL === undefined ? 1 : Number(parts.INTERVAL),
    count: parts.COUNT === undefined ? null : Number(parts.COUNT),
    until: parts.UNTIL === undefined ? null : parseUntil(parts.UNTIL),
    parts,
  };
}

function checkPart(rrule: string, freq: string, name: string, value: string): void {
  if (TIME_OF_DAY_PARTS.has(name)) {
    throw fail(rrule, `${name} is not allowed; the time of day comes from the chat's start time`);
  }
  switch (name) {
    case 'FREQ':
      break;
    case 'INTERVAL':
      checkInteger(rrule, name, value, 1, 1000);
      break;
    case 'COUNT':
      checkInteger(rrule, name, value, 1, 10_000);
      break;
    case 'UNTIL':
      if (!isValidUntil(value))
        throw fail(rrule, 'UNTIL must be YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ');
      break;
    case 'WKST':
      if (!WEEKDAY_PATTERN.test(value)) throw fail(rrule, 'WKST must be a weekday (MO…SU)');
      break;
    case 'BYDAY':
      checkByDay(rrule, freq, value);
      break;
    case 'BYMONTH':
      checkList(rrule, name, value, 1, 12, false);
      break;
    case 'BYMONTHDAY':
      if (freq === 'WEEKLY') throw fail(rrule, 'BYMONTHDAY cannot be used with FREQ=WEEKLY');
      checkList(rrule, name, value, 1, 31, true);
      break;
    case 'BYYEARDAY':
      if (freq !== 'YEARLY') throw fail(rrule, 'BYYEARDAY needs FREQ=YEARLY');
      checkList(rrule, name, value, 1, 366, true);
      break;
    case 'BYWEEKNO':
      if (freq !== 'YEARLY') throw fail(rrule, 'BYWEEKNO needs FREQ=YEARLY');
      checkList(rrule, name, value, 1, 53, true);
      break;
    case 'BYSETPOS':
      checkList(rrule, name, value, 1, 366, true);
      break;
    default:
      throw fail(rrule, `${name} is not supported`);
  }
}

function checkInteger(rrule: string, name: string, value: string, min: number, max: number): void {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw fail(rrule, `${name} must be a whole number from ${min} to ${max}`);
}

// Lists of numbers in min..max, negatives (counting from the end) allowed when signed.
function checkList(
  rrule: string,
  name: string,
  value: string,
  min: number,
  max: number,
  signed: boolean,
): void {
  for (const item of value.split(',')) {
    const match = /^([+-]?)(\d{1,3})$/.exec(item);
    const n = match ? Number(match[2]) : Number.NaN;
    const ok = match !== null && n >= min && n <= max && (signed || match[1] !== '-');
    if (!ok) {
      const range = signed ? `±${min}…${max}` : `${min}…${max}`;
      throw fail(rrule, `${name} values must be in ${range}, got "${item}"`);
    }
  }
}

function checkByDay(rrule: string, freq: string, value: string): void {
  for (const item of value.split(',')) {
    const match = BYDAY_PATTERN.exec(item);
    if (!match) throw fail(rrule, `BYDAY value "${item}" is not a weekday like TU, 2TU or -1FR`);
    if (match[1] === undefined) continue;
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') {
      throw fail(rrule, `BYDAY with a number ("${item}") needs FREQ=MONTHLY or FREQ=YEARLY`);
    }
    const n = Math.abs(Number(match[1]));
    const max = freq === 'MONTHLY' ? 5 : 53;
    if (n < 1 || n > max) throw fail(rrule, `BYDAY "${item}": the number must be ±1…${max}`);
  }
}

function isValidUntil(value: string): boolean {
  const match = UNTIL_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const back = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    year >= 1000 &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

function parseUntil(value: string): RecurrenceUntil {
  const [, y, mo, d, h, mi, s, z] = UNTIL_PATTERN.exec(value)!;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { kind: 'date', date };
  if (z === 'Z') return { kind: 'utc', at: new Date(`${date}T${h}:${mi}:${s}Z`) };
  return { kind: 'local', local: `${date}T${h}:${mi}:${s}` };
}
