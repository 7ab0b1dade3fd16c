import { describe, expect, it } from 'vitest';
import { HashchatError } from '../errors';
import { formatInZone, isValidTimeZone, localToUtc, utcToLocal } from './zone-time';

function unprocessable(run: () => unknown): HashchatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HashchatError);
    expect((error as HashchatError).code).toBe('Unprocessable');
    return error as HashchatError;
  }
  throw new Error('expected a HashchatError');
}

describe('isValidTimeZone', () => {
  it.each([
    ['America/New_York', true],
    ['Europe/Berlin', true],
    ['Asia/Tokyo', true],
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['america/new_york', true],
    ['Mars/Olympus_Mons', false],
    ['+05:00', false],
    ['America/New York', false],
    ['', false],
    ['Europe/', false],
  ])('%j → %s', (tz, expected) => {
    expect(isValidTimeZone(tz)).toBe(expected);
  });
});

describe('localToUtc', () => {
  it.each([
    // plain times either side of the US switches (2nd Sunday in March, 1st Sunday in November)
    ['2027-10-19T20:00', 'America/New_York', '2027-10-20T00:00:00.000Z'],
    ['2027-12-21T20:00', 'America/New_York', '2027-12-22T01:00:00.000Z'],
    // and of the EU switches (last Sunday in March and October)
    ['2027-03-23T20:00', 'Europe/Berlin', '2027-03-23T19:00:00.000Z'],
    ['2027-03-30T20:00', 'Europe/Berlin', '2027-03-30T18:00:00.000Z'],
    ['2027-10-19T20:00', 'Asia/Tokyo', '2027-10-19T11:00:00.000Z'],
    ['2027-10-19T20:00:30', 'Asia/Tokyo', '2027-10-19T11:00:30.000Z'],
    ['2027-10-19T20:00', 'UTC', '2027-10-19T20:00:00.000Z'],
    ['2027-10-19T20:00', 'america/new_york', '2027-10-20T00:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, expected) => {
    expect(localToUtc(local, zone).toISOString()).toBe(expected);
  });

  it.each([
    // New York 2027-03-14: 02:00 EST jumps to 03:00 EDT; skipped times move forward by the gap
    ['2027-03-14T02:00', 'America/New_York', '2027-03-14T07:00:00.000Z'],
    ['2027-03-14T02:30', 'America/New_York', '2027-03-14T07:30:00.000Z'],
    ['2027-03-14T03:00', 'America/New_York', '2027-03-14T07:00:00.000Z'],
    ['2027-03-14T01:59', 'America/New_York', '2027-03-14T06:59:00.000Z'],
    // Berlin 2027-03-28: 02:00 CET jumps to 03:00 CEST
    ['2027-03-28T02:30', 'Europe/Berlin', '2027-03-28T01:30:00.000Z'],
    // Lord Howe Island 2027-10-03: a half-hour gap, 02:00 → 02:30
    ['2027-10-03T02:15', 'Australia/Lord_Howe', '2027-10-02T15:45:00.000Z'],
  ])('a time skipped by DST, %s in %s, moves forward to %s', (local, zone, expected) => {
    expect(localToUtc(local, zone).toISOString()).toBe(expected);
  });

  it.each([
    // New York 2027-11-07: 01:00–02:00 happens twice (EDT, then EST); the earlier wins
    ['2027-11-07T01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'],
    ['2027-11-07T00:59', 'America/New_York', '2027-11-07T04:59:00.000Z'],
    ['2027-11-07T02:00', 'America/New_York', '2027-11-07T07:00:00.000Z'],
    // Berlin 2027-10-31: 02:00–03:00 happens twice (CEST, then CET)
    ['2027-10-31T02:30', 'Europe/Berlin', '2027-10-31T00:30:00.000Z'],
  ])('an ambiguous time, %s in %s, is the earlier instant %s', (local, zone, expected) => {
    expect(localToUtc(local, zone).toISOString()).toBe(expected);
  });

  it.each([
    '2027-02-30T20:00',
    '2027-13-01T20:00',
    '2027-10-19T24:00',
    '2027-10-19T20:60',
    '2027-10-19T20:00:60',
    '2027-10-19 20:00',
    '2027-10-19T20:00Z',
    '2027-10-19T20:00+02:00',
    '2027-10-19',
    '27-10-19T20:00',
    '0999-10-19T20:00',
    '',
  ])('rejects the local date-time %j', (local) => {
    const error = unprocessable(() => localToUtc(local, 'Europe/Berlin'));
    expect(error.message).toContain('local date-time');
  });

  it.each(['Mars/Olympus_Mons', '+02:00', '', 'Europe/Berlin '])('rejects the zone %j', (zone) => {
    const error = unprocessable(() => localToUtc('2027-10-19T20:00', zone));
    expect(error.message).toContain('time zone');
  });
});

describe('utcToLocal', () => {
  it.each([
    ['2027-10-20T00:00:00Z', 'America/New_York', '2027-10-19T20:00'],
    ['2027-11-07T05:30:00Z', 'America/New_York', '2027-11-07T01:30'],
    ['2027-11-07T06:30:00Z', 'America/New_York', '2027-11-07T01:30'],
    ['2027-10-19T11:00:30Z', 'Asia/Tokyo', '2027-10-19T20:00:30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(utcToLocal(new Date(instant), zone)).toBe(expected);
  });
});

describe('formatInZone', () => {
  it.each([
    ['2027-10-20T00:00:00Z', 'America/New_York', 'en-GB', 'Tue 19 Oct 2027, 20:00 EDT'],
    ['2027-12-22T01:00:00Z', 'America/New_York', 'en-GB', 'Tue 21 Dec 2027, 20:00 EST'],
    ['2027-10-20T00:00:00Z', 'Europe/Berlin', 'en-GB', 'Wed 20 Oct 2027, 02:00 CEST'],
    ['2027-10-20T00:00:00Z', 'Europe/Berlin', 'en-US', 'Wed 20 Oct 2027, 02:00 CEST'],
    ['2027-10-20T00:00:00Z', 'Europe/Berlin', 'de-DE', 'Mi 20 Okt 2027, 02:00 MESZ'],
    ['2027-10-20T00:00:00Z', 'Asia/Tokyo', 'en-GB', 'Wed 20 Oct 2027, 09:00 GMT+9'],
  ])('%s in %s (%s) reads %j', (instant, zone, locale, expected) => {
    expect(formatInZone(new Date(instant), zone, locale)).toBe(expected);
  });

  it('defaults to en-GB', () => {
    expect(formatInZone(new Date('2027-10-20T00:00:00Z'), 'America/New_York')).toBe(
      'Tue 19 Oct 2027, 20:00 EDT',
    );
  });

  it('rejects an unknown zone', () => {
    unprocessable(() => formatInZone(new Date(), 'Nowhere/Land'));
  });
});
