import { validationFailed } from '@hashchat/api/requests/validation';
import { nextOccurrence, type Schedule } from '@hashchat/core/chat/schedule';
import { localToUtc, requireTimeZone } from '@hashchat/core/chat/zone-time';
import { isValidTagName, normalizeTag } from '@hashchat/core/text/tag-name';
import type { Kysely } from 'kysely';
import { findAccountsByIds } from '../../store/accounts';
import { findCategory } from '../../store/chats';
import type { Database } from '../../store/schema';

/** What the routes hand the chat services, already shaped by the boundary schemas. */
export interface ScheduleInput {
  startsAt: string;
  durationMinutes: number;
  rrule: string | null;
}

export interface SessionInput {
  title: string | null;
  /** A local date-time read in the chat's zone ("2027-10-19T20:00"), or an ISO instant with Z/offset. */
  startsAt: string;
  endsAt: string | null;
  durationMinutes: number | null;
  guests: GuestInput[];
  extraTag: string | null;
}

export interface GuestInput {
  accountId: number;
  badge: string | null;
}

export const DEFAULT_BADGE = 'Guest expert';
const MAX_SESSION_MS = 7 * 86_400_000;

/** "#Foo" or "Foo" → display and normalised name, or 422. */
export function parseHashtag(raw: string, field = 'hashtag'): { display: string; name: string } {
  const display = raw.trim().replace(/^[#＃]/, '');
  if (!isValidTagName(display)) throw validationFailed(`${field} "${raw}" is not a valid hashtag`);
  return { display, name: normalizeTag(display) };
}

export function checkTimeZone(tz: string): string {
  requireTimeZone(tz);
  return tz;
}

/** Checks a schedule (zone, local start, rule, duration) and that it has a session still to come. */
export function checkSchedule(s: ScheduleInput, timeZone: string, now: number): Schedule {
  const schedule: Schedule = {
    startsAtLocal: s.startsAt,
    timeZone,
    durationMinutes: s.durationMinutes,
    rrule: s.rrule,
  };
  if (!nextOccurrence(schedule, new Date(now)))
    throw validationFailed('the schedule has no session after now');
  return schedule;
}

/** A time field as an instant: with an offset or Z it is absolute, without one it is read in the chat's zone. */
export function resolveInstant(value: string, timeZone: string, field: string): number {
  if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw validationFailed(`${field} is not a valid date-time`);
    return ms;
  }
  return localToUtc(value, timeZone).getTime();
}

/** Start and end of a one-off or event session; it must end after it starts, in the future, within a week. */
export function resolveSessionTimes(
  input: Pick<SessionInput, 'startsAt' | 'endsAt' | 'durationMinutes'>,
  timeZone: string,
  now: number,
  defaultMinutes: number,
) {
  const startsAt = resolveInstant(input.startsAt, timeZone, 'starts_at');
  const endsAt = input.endsAt
    ? resolveInstant(input.endsAt, timeZone, 'ends_at')
    : startsAt + (input.durationMinutes ?? defaultMinutes) * 60_000;
  checkSpan(startsAt, endsAt, now);
  return { startsAt, endsAt };
}

export function checkSpan(startsAt: number, endsAt: number, now: number): void {
  if (endsAt <= startsAt) throw validationFailed('a session must end after it starts');
  if (endsAt - startsAt > MAX_SESSION_MS) throw validationFailed('a session lasts at most 7 days');
  if (endsAt <= now) throw validationFailed('the session would end in the past');
}

export async function resolveCategory(db: Kysely<Database>, ref: string | null): Promise<number | null> {
  if (ref === null || ref === '') return null;
  const row = await findCategory(db, ref);
  if (!row) throw validationFailed(`unknown category "${ref}"`);
  return Number(row.id);
}

/** Guests must be existing accounts; each appears once. */
export async function resolveGuests(
  db: Kysely<Database>,
  guests: GuestInput[],
): Promise<{ account_id: number; badge: string }[]> {
  const unique = [...new Map(guests.map((g) => [g.accountId, g])).values()];
  const found = await findAccountsByIds(
    db,
    unique.map((g) => g.accountId),
  );
  for (const g of unique)
    if (!found.has(g.accountId)) throw validationFailed(`guest account ${g.accountId} does not exist`);
  return unique.map((g) => ({ account_id: g.accountId, badge: g.badge?.trim() || DEFAULT_BADGE }));
}

export function parseExtraTag(raw: string | null): string | null {
  return raw === null || raw.trim() === '' ? null : parseHashtag(raw, 'extra_tag').display;
}
