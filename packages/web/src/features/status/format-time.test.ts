import { describe, expect, it } from 'vitest';
import { fullTime, shortTime } from './format-time';

const now = new Date('2026-03-12T15:00:00Z'); // a Thursday
const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

describe('shortTime', () => {
  it.each([
    ['today shows the local time', '2026-03-12T13:05:00Z', '14:05'],
    ['earlier this week shows the weekday', '2026-03-10T19:00:00Z', 'Tue 20:00'],
    ['older shows the date', '2026-02-01T08:30:00Z', '1 Feb, 09:30'],
    ['another year shows the year', '2025-12-24T18:00:00Z', '24 Dec 2025, 19:00'],
  ])('%s', (_name, iso, expected) => {
    expect(shortTime(new Date(iso), now, berlin)).toBe(expected);
  });

  it('uses the local day, not the UTC day', () => {
    // 23:30 UTC on the 11th is already the 12th in Berlin.
    expect(shortTime(new Date('2026-03-11T23:30:00Z'), now, berlin)).toBe('00:30');
  });
});

describe('fullTime', () => {
  it.each([
    ['Berlin in winter', berlin, /^Thursday,? 12 March 2026 at 14:05 CET$/],
    // en-GB alone would say "GMT-4" here; the zone keeps its usual name.
    ['New York for a British reader', { locale: 'en-GB', timeZone: 'America/New_York' }, / at 09:05 EDT$/],
    ['Tokyo, which has no short name', { locale: 'en-GB', timeZone: 'Asia/Tokyo' }, / at 22:05 GMT\+9$/],
  ])('gives the local date and time and names the zone: %s', (_name, options, expected) => {
    expect(fullTime(new Date('2026-03-12T13:05:00Z'), options)).toMatch(expected);
  });
});
