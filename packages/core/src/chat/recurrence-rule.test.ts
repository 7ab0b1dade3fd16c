import { describe, expect, it } from 'vitest';
import { HashchatError } from '../errors';
import { parseRrule } from './recurrence-rule';

describe('parseRrule', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TU', 'WEEKLY', 1, null],
    ['RRULE:freq=weekly;byday=tu;', 'FREQ=WEEKLY;BYDAY=TU', 'WEEKLY', 1, null],
    ['FREQ=DAILY', 'FREQ=DAILY', 'DAILY', 1, null],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'WEEKLY', 2, null],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=MONTHLY;BYDAY=-1FR', 'MONTHLY', 1, null],
    ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', 'MONTHLY', 1, null],
    ['FREQ=MONTHLY;BYMONTHDAY=1,-1', 'FREQ=MONTHLY;BYMONTHDAY=1,-1', 'MONTHLY', 1, null],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'YEARLY', 1, null],
    ['FREQ=WEEKLY;COUNT=6;WKST=MO', 'FREQ=WEEKLY;COUNT=6;WKST=MO', 'WEEKLY', 1, 6],
  ])('%j reads as %j', (input, text, freq, interval, count) => {
    const rule = parseRrule(input);
    expect(rule).toMatchObject({ text, freq, interval, count });
  });

  it.each([
    ['FREQ=WEEKLY;UNTIL=20271231T235959Z', { kind: 'utc', at: new Date('2027-12-31T23:59:59Z') }],
    ['FREQ=WEEKLY;UNTIL=20271231T200000', { kind: 'local', local: '2027-12-31T20:00:00' }],
    ['FREQ=WEEKLY;UNTIL=20271231', { kind: 'date', date: '2027-12-31' }],
  ])('reads UNTIL in %j', (input, until) => {
    expect(parseRrule(input).until).toEqual(until);
  });

  it('keeps the parts as written', () => {
    expect(parseRrule('FREQ=MONTHLY;BYDAY=1TU').parts).toEqual({ FREQ: 'MONTHLY', BYDAY: '1TU' });
  });

  it.each([
    ['', /empty/],
    ['garbage', /not NAME=VALUE/],
    ['FREQ=WEEKLY;;BYDAY=TU', /not NAME=VALUE/],
    ['BYDAY=TU', /FREQ is required/],
    ['FREQ=SECONDLY', /at most daily/],
    ['FREQ=MINUTELY', /at most daily/],
    ['FREQ=HOURLY;INTERVAL=24', /at most daily/],
    ['FREQ=FORTNIGHTLY', /FREQ must be/],
    ['FREQ=WEEKLY;FREQ=DAILY', /appears twice/],
    ['FREQ=DAILY;BYHOUR=9,21', /BYHOUR is not allowed/],
    ['FREQ=DAILY;BYMINUTE=0', /BYMINUTE is not allowed/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY value "XX"/],
    ['FREQ=WEEKLY;BYDAY=2TU', /needs FREQ=MONTHLY or FREQ=YEARLY/],
    ['FREQ=MONTHLY;BYDAY=6TU', /±1…5/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY values/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY values/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /cannot be used with FREQ=WEEKLY/],
    ['FREQ=YEARLY;BYMONTH=13', /BYMONTH values/],
    ['FREQ=YEARLY;BYMONTH=-1', /BYMONTH values/],
    ['FREQ=MONTHLY;BYWEEKNO=1', /needs FREQ=YEARLY/],
    ['FREQ=WEEKLY;COUNT=0', /COUNT must be/],
    ['FREQ=WEEKLY;COUNT=1.5', /not NAME=VALUE/],
    ['FREQ=WEEKLY;INTERVAL=-1', /INTERVAL must be/],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20271231', /COUNT and UNTIL/],
    ['FREQ=WEEKLY;UNTIL=20270230', /UNTIL must be/],
    ['FREQ=WEEKLY;UNTIL=2027-12-31', /UNTIL must be/],
    ['FREQ=WEEKLY;WKST=XX', /WKST/],
    ['FREQ=WEEKLY;BYEASTER=0', /BYEASTER is not supported/],
    ['DTSTART:20271019T200000\nRRULE:FREQ=WEEKLY', /single RRULE/],
    [`FREQ=WEEKLY;BYDAY=${'TU,'.repeat(200)}TU`, /longer than/],
  ])('rejects %j', (input, message) => {
    let caught: unknown;
    try {
      parseRrule(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HashchatError);
    expect((caught as HashchatError).code).toBe('Unprocessable');
    expect((caught as HashchatError).message).toMatch(message);
  });
});
