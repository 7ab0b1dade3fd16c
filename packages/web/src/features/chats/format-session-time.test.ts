import { describe, expect, it } from 'vitest';
import {
  countdown,
  dateAndTime,
  dayHeading,
  dayKey,
  daysBetween,
  relativeLabel,
  relativeWhen,
  sameWallClock,
  sessionWhen,
  zoneAbbreviation,
} from './format-session-time';

const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
const tokyo = { locale: 'en-GB', timeZone: 'Asia/Tokyo' };
const now = new Date('2027-10-17T10:00:00Z'); // Sunday, 12:00 CEST

describe('zoneAbbreviation', () => {
  it.each([
    ['Europe/Berlin in summer', '2027-07-01T12:00:00Z', 'Europe/Berlin', 'CEST'],
    ['Europe/Berlin in winter', '2027-12-01T12:00:00Z', 'Europe/Berlin', 'CET'],
    ['America/New_York (a name only en-US has)', '2027-07-01T12:00:00Z', 'America/New_York', 'EDT'],
    ['Asia/Tokyo (no English name: the offset)', '2027-07-01T12:00:00Z', 'Asia/Tokyo', 'GMT+9'],
    ['UTC', '2027-07-01T12:00:00Z', 'UTC', 'UTC'],
  ])('%s', (_name, iso, timeZone, expected) => {
    expect(zoneAbbreviation(new Date(iso), { locale: 'en-GB', timeZone })).toBe(expected);
  });
});

describe('sessionWhen', () => {
  it.each([
    ['in the chat zone', '2027-10-19T18:00:00Z', berlin, 'Tue 19 Oct, 20:00 CEST'],
    ['in another zone, on the next local day', '2027-10-19T18:00:00Z', tokyo, 'Wed 20 Oct, 03:00 GMT+9'],
    ['after the clocks go back', '2027-11-02T19:00:00Z', berlin, 'Tue 2 Nov, 20:00 CET'],
    ['next year shows the year', '2028-01-04T19:00:00Z', berlin, 'Tue, 4 Jan 2028, 20:00 CET'],
  ])('%s', (_name, iso, options, expected) => {
    expect(sessionWhen(new Date(iso), now, options)).toBe(expected);
  });

  it('writes the time as the locale does', () => {
    expect(
      dateAndTime(new Date('2027-10-19T18:00:00Z'), now, { locale: 'en-US', timeZone: 'Europe/Berlin' }),
    ).toMatch(/^Tue, Oct 19, 0?8:00\sPM$/);
  });
});

describe('relativeLabel', () => {
  it.each([
    ['within a minute', '2027-10-17T10:00:30Z', 'now'],
    ['minutes ahead', '2027-10-17T10:12:40Z', 'in 12 minutes'],
    ['hours ahead', '2027-10-17T13:30:00Z', 'in 3 hours'],
    ['this evening', '2027-10-17T21:30:00Z', 'in 11 hours'],
    ['tomorrow', '2027-10-18T18:00:00Z', 'tomorrow'],
    ['two local days ahead', '2027-10-19T18:00:00Z', 'in 2 days'],
    ['minutes ago', '2027-10-17T09:45:00Z', '15 minutes ago'],
    ['yesterday', '2027-10-16T08:00:00Z', 'yesterday'],
  ])('%s', (_name, iso, expected) => {
    expect(relativeLabel(new Date(iso), now, berlin)).toBe(expected);
  });

  it('counts days in the viewer zone, not in UTC', () => {
    // 23:00 UTC on the 17th is already the 18th in Tokyo.
    const late = new Date('2027-10-17T23:00:00Z');
    expect(relativeLabel(late, now, tokyo)).toBe('tomorrow');
    expect(relativeLabel(late, now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('today');
    expect(daysBetween(now, late, 'UTC')).toBe(0);
  });

  it('leads the full label', () => {
    expect(relativeWhen(new Date('2027-10-19T18:00:00Z'), now, berlin)).toBe(
      'in 2 days, Tue 19 Oct, 20:00 CEST',
    );
  });
});

describe('countdown', () => {
  it.each([
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
    [59_001, '1:00'],
    [0, '0:00'],
    [-5_000, '0:00'],
  ])('%d ms → %s', (ms, expected) => {
    expect(countdown(ms)).toBe(expected);
  });
});

describe('dayHeading and dayKey', () => {
  it.each([
    ['today', '2027-10-17T18:00:00Z', 'Today, Sunday 17 October'],
    ['tomorrow', '2027-10-18T06:00:00Z', 'Tomorrow, Monday 18 October'],
    ['later', '2027-10-21T06:00:00Z', 'Thursday 21 October'],
  ])('%s', (_name, iso, expected) => {
    expect(dayHeading(new Date(iso), now, berlin)).toBe(expected);
  });

  it('keys a moment by its local day', () => {
    expect(dayKey(new Date('2027-10-19T22:30:00Z'), 'Europe/Berlin')).toBe('2027-10-20');
    expect(dayKey(new Date('2027-10-19T22:30:00Z'), 'America/New_York')).toBe('2027-10-19');
  });
});

describe('sameWallClock', () => {
  it.each([
    ['Berlin and Paris', 'Europe/Berlin', 'Europe/Paris', true],
    ['Berlin and London', 'Europe/Berlin', 'Europe/London', false],
  ])('%s', (_name, a, b, expected) => {
    expect(sameWallClock(new Date('2027-10-19T18:00:00Z'), a, b)).toBe(expected);
  });
});
