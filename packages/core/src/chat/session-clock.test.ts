import { describe, expect, it } from 'vitest';
import { clockIn, dualTime, durationLabel, durationMinutes, headlineFigures, percent } from './session-clock';

const at = Date.parse('2027-03-01T14:51:00Z');

describe('dualTime: the viewer zone first, the chat zone beside it', () => {
  it.each([
    ['Asia/Tokyo', 'America/New_York', {}, '23:51 your time · 09:51 America/New York'],
    ['Europe/Paris', 'Europe/London', {}, '15:51 your time · 14:51 Europe/London'],
    ['America/New_York', 'America/New_York', {}, '09:51 America/New York'],
    ['America/New_York', 'America/New_York', { withDay: true }, 'Mon 1 Mar 2027, 09:51 America/New York'],
    // Another zone with the same wall clock says it once.
    ['America/Toronto', 'America/New_York', {}, '09:51 America/New York'],
    [
      'Asia/Tokyo',
      'America/New_York',
      { withDay: true },
      'Mon 1 Mar 2027, 23:51 your time · 09:51 America/New York',
    ],
    [
      'Asia/Tokyo',
      'Pacific/Honolulu',
      { withDay: true },
      'Mon 1 Mar 2027, 23:51 your time · 04:51 Pacific/Honolulu',
    ],
  ])('viewer %s, chat %s %o → %s', (viewer, chat, options, expected) => {
    expect(dualTime(at, chat, viewer, options)).toBe(expected);
  });

  it('crosses midnight into the next day for the viewer', () => {
    const late = Date.parse('2027-03-01T20:30:00Z');
    expect(dualTime(late, 'America/New_York', 'Asia/Tokyo', { withDay: true })).toBe(
      'Tue 2 Mar 2027, 05:30 your time · Mon 1 Mar 2027, 15:30 America/New York',
    );
    expect(clockIn(late, 'Asia/Tokyo')).toBe('05:30');
  });
});

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [6 * 60_000, '6 min'],
    [60 * 60_000, '1 h'],
    [65 * 60_000, '1 h 5 min'],
  ])('%d ms → %s', (ms, expected) => expect(durationLabel(ms)).toBe(expected));

  it.each([
    [null, null, null],
    [at, null, null],
    [at, at + 6 * 60_000, 6],
    [at, at + 6 * 60_000 + 29_000, 6],
    [at, at + 6 * 60_000 + 31_000, 7],
  ])('durationMinutes(%s, %s) → %s', (start, end, expected) =>
    expect(durationMinutes(start, end)).toBe(expected),
  );
});

describe('headlineFigures', () => {
  const recap = {
    statuses_count: 1234,
    late_statuses_count: 1,
    participants_count: 6,
    new_participants_count: 4,
    returning_participants_count: 2,
    hosts_statuses_count: 2,
    hosts_share: 0.25,
    peak_minute: { at: '2027-03-01T14:51:00.000Z', count: 2 },
    potential_reach: 3,
    potential_impressions: 8,
  };

  it('lists every figure once, the peak as an instant to show in both zones', () => {
    expect(headlineFigures(recap).map((f) => [f.key, f.value, f.detail])).toEqual([
      ['statuses', { text: '1,234' }, '1 late'],
      ['participants', { text: '6' }, undefined],
      ['new', { text: '4' }, '2 returning'],
      ['hosts-share', { text: '25%' }, '2 statuses by hosts'],
      ['peak', { at: '2027-03-01T14:51:00.000Z' }, '2 posts'],
      ['reach', { text: '3' }, undefined],
      ['impressions', { text: '8' }, undefined],
    ]);
  });

  it('says so when there is no peak yet', () => {
    const peak = headlineFigures({ ...recap, peak_minute: null }).find((f) => f.key === 'peak');
    expect(peak?.value).toEqual({ text: '—' });
    expect(peak?.detail).toBe('No posts yet');
  });

  it.each([
    [0.25, '25%'],
    [0.0806, '8.1%'],
    [0, '0%'],
  ])('percent(%d) → %s', (share, expected) => expect(percent(share)).toBe(expected));
});
