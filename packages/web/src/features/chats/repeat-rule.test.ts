import { describe, expect, it } from 'vitest';
import { buildRrule, type Repeat, repeatFromRrule, repeatLabel } from './repeat-rule';

describe('buildRrule', () => {
  it.each<[Repeat, string, string | null]>([
    ['none', '2027-10-19', null],
    ['weekly', '2027-10-19', 'FREQ=WEEKLY;BYDAY=TU'],
    ['biweekly', '2027-10-24', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU'],
    ['monthly', '2027-10-19', 'FREQ=MONTHLY;BYDAY=3TU'],
    ['monthly', '2027-10-01', 'FREQ=MONTHLY;BYDAY=1FR'],
    ['monthly', '2027-10-29', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['weekly', 'not a date', null],
  ])('%s from %s → %s', (repeat, date, expected) => {
    expect(buildRrule(repeat, date)).toBe(expected);
  });
});

describe('repeatFromRrule', () => {
  it.each<[string | null, Repeat | null]>([
    [null, 'none'],
    ['FREQ=WEEKLY;BYDAY=TU', 'weekly'],
    ['RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU', 'weekly'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', 'biweekly'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'monthly'],
    ['FREQ=WEEKLY;BYDAY=TU,TH', null],
    ['FREQ=DAILY', null],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=4', null],
  ])('%s → %s', (rrule, expected) => {
    expect(repeatFromRrule(rrule)).toBe(expected);
  });

  it.each<[Repeat, string]>([
    ['weekly', '2027-10-19'],
    ['biweekly', '2027-10-19'],
    ['monthly', '2027-10-30'],
  ])('reads back what buildRrule writes (%s)', (repeat, date) => {
    expect(repeatFromRrule(buildRrule(repeat, date))).toBe(repeat);
  });
});

describe('repeatLabel', () => {
  it.each<[Repeat, string, string]>([
    ['none', '2027-10-19', 'Does not repeat'],
    ['weekly', '2027-10-19', 'Weekly on Tuesday'],
    ['biweekly', '2027-10-19', 'Every 2 weeks on Tuesday'],
    ['monthly', '2027-10-19', 'Monthly on the third Tuesday'],
    ['monthly', '2027-10-29', 'Monthly on the last Friday'],
    ['weekly', '', 'Weekly'],
  ])('%s from %s', (repeat, date, expected) => {
    expect(repeatLabel(repeat, date, 'en-GB')).toBe(expected);
  });
});
