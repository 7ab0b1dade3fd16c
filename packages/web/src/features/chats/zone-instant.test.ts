import { describe, expect, it } from 'vitest';
import { localToInstant, zoneOffsetMs } from './zone-instant';

describe('localToInstant', () => {
  it.each([
    ['a summer evening in Berlin', '2027-07-06T20:00', 'Europe/Berlin', '2027-07-06T18:00:00.000Z'],
    ['a winter evening in Berlin', '2027-12-07T20:00', 'Europe/Berlin', '2027-12-07T19:00:00.000Z'],
    ['Tokyo', '2027-10-19T20:00', 'Asia/Tokyo', '2027-10-19T11:00:00.000Z'],
    ['New York', '2027-10-19T20:00', 'America/New_York', '2027-10-20T00:00:00.000Z'],
    [
      'a skipped time moves forward by the gap',
      '2027-03-14T02:30',
      'America/New_York',
      '2027-03-14T07:30:00.000Z',
    ],
    [
      'a repeated time is the earlier instant',
      '2027-11-07T01:30',
      'America/New_York',
      '2027-11-07T05:30:00.000Z',
    ],
  ])('%s', (_name, local, zone, expected) => {
    expect(localToInstant(local, zone)?.toISOString()).toBe(expected);
  });

  it.each([
    ['2027-10-19', 'Europe/Berlin'],
    ['2027-10-19T20:00', 'Mars/Base'],
  ])('%s in %s is no instant', (local, zone) => {
    expect(localToInstant(local, zone)).toBeNull();
  });
});

describe('zoneOffsetMs', () => {
  it('gives the offset in force at the instant', () => {
    expect(zoneOffsetMs(Date.parse('2027-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2027-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });
});
