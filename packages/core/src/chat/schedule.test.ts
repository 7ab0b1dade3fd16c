import { describe, expect, it } from 'vitest';
import { HashchatError } from '../errors';
import {
  applyOverrides,
  nextOccurrence,
  type Occurrence,
  occurrences,
  type Schedule,
  sessionsInWindow,
} from './schedule';

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const starts = (list: { startsAt: Date }[]) => list.map((o) => o.startsAt.toISOString());
const tuesdays = (timeZone: string, startsAtLocal = '2027-01-05T20:00'): Schedule => ({
  startsAtLocal,
  timeZone,
  durationMinutes: 60,
  rrule: 'FREQ=WEEKLY;BYDAY=TU',
});

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

describe('occurrences across DST changes (wall clock fixed in the home zone)', () => {
  // 2027: the US springs forward on 14 March and falls back on 7 November; the EU on 28 March
  // and 31 October. Between those dates New York and Berlin are 5 hours apart, not 6.
  it.each([
    [
      'New York, US spring forward',
      tuesdays('America/New_York'),
      ['2027-03-08T00:00Z', '2027-03-24T00:30Z'],
      ['2027-03-10T01:00:00.000Z', '2027-03-17T00:00:00.000Z', '2027-03-24T00:00:00.000Z'],
    ],
    [
      'Berlin, US spring forward (no change yet)',
      tuesdays('Europe/Berlin'),
      ['2027-03-08T00:00Z', '2027-03-24T00:00Z'],
      ['2027-03-09T19:00:00.000Z', '2027-03-16T19:00:00.000Z', '2027-03-23T19:00:00.000Z'],
    ],
    [
      'Berlin, EU spring forward',
      tuesdays('Europe/Berlin'),
      ['2027-03-22T00:00Z', '2027-04-07T00:00Z'],
      ['2027-03-23T19:00:00.000Z', '2027-03-30T18:00:00.000Z', '2027-04-06T18:00:00.000Z'],
    ],
    [
      'New York, EU fall back (no change yet)',
      tuesdays('America/New_York'),
      ['2027-10-25T00:00Z', '2027-11-04T00:00Z'],
      ['2027-10-27T00:00:00.000Z', '2027-11-03T00:00:00.000Z'],
    ],
    [
      'Berlin, EU fall back',
      tuesdays('Europe/Berlin'),
      ['2027-10-25T00:00Z', '2027-11-04T00:00Z'],
      ['2027-10-26T18:00:00.000Z', '2027-11-02T19:00:00.000Z'],
    ],
    [
      'New York, US fall back',
      tuesdays('America/New_York'),
      ['2027-11-01T00:00Z', '2027-11-17T00:00Z'],
      ['2027-11-03T00:00:00.000Z', '2027-11-10T01:00:00.000Z'],
    ],
    [
      'Tokyo, no DST at all',
      tuesdays('Asia/Tokyo'),
      ['2027-03-08T00:00Z', '2027-04-07T00:00Z'],
      [
        '2027-03-09T11:00:00.000Z',
        '2027-03-16T11:00:00.000Z',
        '2027-03-23T11:00:00.000Z',
        '2027-03-30T11:00:00.000Z',
        '2027-04-06T11:00:00.000Z',
      ],
    ],
  ])('%s', (_name, schedule, [from, to], expected) => {
    const list = occurrences(schedule, window(from, to));
    expect(starts(list)).toEqual(expected);
    for (const occurrence of list) {
      expect(occurrence.localStart.slice(10)).toBe('T20:00');
      expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(60 * 60_000);
    }
  });

  it('names each occurrence by its local start', () => {
    const list = occurrences(tuesdays('America/New_York'), window('2027-03-08T00:00Z', '2027-03-18T00:00Z'));
    expect(list.map((o) => o.localStart)).toEqual(['2027-03-09T20:00', '2027-03-16T20:00']);
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata'])(
    'gives the same instants when the machine runs in %s',
    (machineZone) => {
      const schedule = tuesdays('Europe/Berlin');
      const span = window('2027-03-22T00:00Z', '2027-04-07T00:00Z');
      const before = process.env.TZ;
      process.env.TZ = machineZone;
      try {
        expect(new Date(2027, 0, 1).getTimezoneOffset()).not.toBe(0); // the zone really changed
        expect(starts(occurrences(schedule, span))).toEqual([
          '2027-03-23T19:00:00.000Z',
          '2027-03-30T18:00:00.000Z',
          '2027-04-06T18:00:00.000Z',
        ]);
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    },
  );
});

describe('occurrences of daily sessions at a time DST skips or repeats', () => {
  it('moves the skipped 02:30 forward to 03:30 EDT and keeps the rule time as localStart', () => {
    const schedule: Schedule = {
      startsAtLocal: '2027-03-13T02:30',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      rrule: 'FREQ=DAILY',
    };
    const list = occurrences(schedule, window('2027-03-13T00:00Z', '2027-03-16T00:00Z'));
    expect(list.map((o) => [o.localStart, o.startsAt.toISOString()])).toEqual([
      ['2027-03-13T02:30', '2027-03-13T07:30:00.000Z'],
      ['2027-03-14T02:30', '2027-03-14T07:30:00.000Z'],
      ['2027-03-15T02:30', '2027-03-15T06:30:00.000Z'],
    ]);
  });

  it('puts the repeated 01:30 at the earlier instant (EDT)', () => {
    const schedule: Schedule = {
      startsAtLocal: '2027-11-06T01:30',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      rrule: 'FREQ=DAILY',
    };
    const list = occurrences(schedule, window('2027-11-06T00:00Z', '2027-11-09T00:00Z'));
    expect(starts(list)).toEqual([
      '2027-11-06T05:30:00.000Z',
      '2027-11-07T05:30:00.000Z',
      '2027-11-08T06:30:00.000Z',
    ]);
  });

  it('keeps the duration in real minutes when a session spans the switch', () => {
    const schedule: Schedule = {
      startsAtLocal: '2027-11-07T00:30',
      timeZone: 'America/New_York',
      durationMinutes: 120,
    };
    const [only] = occurrences(schedule, window('2027-11-07T00:00Z', '2027-11-08T00:00Z'));
    expect(only.startsAt.toISOString()).toBe('2027-11-07T04:30:00.000Z');
    expect(only.endsAt.toISOString()).toBe('2027-11-07T06:30:00.000Z'); // 01:30 EST
  });
});

describe('occurrences: rule bounds and shapes', () => {
  const fromOct19 = (rrule: string | null): Schedule => ({
    startsAtLocal: '2027-10-19T20:00',
    timeZone: 'America/New_York',
    durationMinutes: 60,
    rrule,
  });
  const wholeYear = window('2027-01-01T00:00Z', '2028-12-31T00:00Z');

  it.each([
    [
      'COUNT=3',
      'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
      wholeYear,
      ['2027-10-20T00:00:00.000Z', '2027-10-27T00:00:00.000Z', '2027-11-03T00:00:00.000Z'],
    ],
    [
      'COUNT counts from the start, not from the window',
      'FREQ=WEEKLY;COUNT=3',
      window('2027-10-25T00:00Z', '2028-01-01T00:00Z'),
      ['2027-10-27T00:00:00.000Z', '2027-11-03T00:00:00.000Z'],
    ],
    [
      'UNTIL in UTC, inclusive',
      'FREQ=WEEKLY;UNTIL=20271110T010000Z',
      wholeYear,
      [
        '2027-10-20T00:00:00.000Z',
        '2027-10-27T00:00:00.000Z',
        '2027-11-03T00:00:00.000Z',
        '2027-11-10T01:00:00.000Z',
      ],
    ],
    // 00:59:59Z is 19:59:59 EST on 9 November, before that evening's session
    [
      'UNTIL in UTC, read in the home zone',
      'FREQ=WEEKLY;UNTIL=20271110T005959Z',
      wholeYear,
      ['2027-10-20T00:00:00.000Z', '2027-10-27T00:00:00.000Z', '2027-11-03T00:00:00.000Z'],
    ],
    [
      'UNTIL as a local date-time',
      'FREQ=WEEKLY;UNTIL=20271102T195959',
      wholeYear,
      ['2027-10-20T00:00:00.000Z', '2027-10-27T00:00:00.000Z'],
    ],
    [
      'UNTIL as a date includes that day',
      'FREQ=WEEKLY;UNTIL=20271102',
      wholeYear,
      ['2027-10-20T00:00:00.000Z', '2027-10-27T00:00:00.000Z', '2027-11-03T00:00:00.000Z'],
    ],
    [
      'INTERVAL=2',
      'FREQ=WEEKLY;INTERVAL=2;COUNT=3',
      wholeYear,
      ['2027-10-20T00:00:00.000Z', '2027-11-03T00:00:00.000Z', '2027-11-17T01:00:00.000Z'],
    ],
    [
      'two days a week',
      'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4',
      wholeYear,
      [
        '2027-10-20T00:00:00.000Z',
        '2027-10-22T00:00:00.000Z',
        '2027-10-27T00:00:00.000Z',
        '2027-10-29T00:00:00.000Z',
      ],
    ],
    [
      'third Tuesday of the month',
      'FREQ=MONTHLY;BYDAY=3TU;COUNT=3',
      wholeYear,
      ['2027-10-20T00:00:00.000Z', '2027-11-17T01:00:00.000Z', '2027-12-22T01:00:00.000Z'],
    ],
    [
      'the 31st skips short months',
      'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4',
      wholeYear,
      [
        '2027-11-01T00:00:00.000Z',
        '2028-01-01T01:00:00.000Z',
        '2028-02-01T01:00:00.000Z',
        '2028-04-01T00:00:00.000Z',
      ],
    ],
    [
      'the start day off the rule is not a session',
      'FREQ=WEEKLY;BYDAY=WE;COUNT=2',
      wholeYear,
      ['2027-10-21T00:00:00.000Z', '2027-10-28T00:00:00.000Z'],
    ],
    ['one-off', null, wholeYear, ['2027-10-20T00:00:00.000Z']],
    ['one-off outside the window', null, window('2027-10-21T00:00Z', '2027-12-01T00:00Z'), []],
  ])('%s', (_name, rrule, span, expected) => {
    expect(starts(occurrences(fromOct19(rrule), span))).toEqual(expected);
  });

  it.each([
    ['a session in progress at the window start', '2027-10-20T00:30Z', '2027-10-21T00:00Z', 1],
    ['a window starting exactly at the end', '2027-10-20T01:00Z', '2027-10-21T00:00Z', 0],
    ['a window ending exactly at the start', '2027-10-19T00:00Z', '2027-10-20T00:00Z', 0],
    ['an empty window', '2027-10-20T00:30Z', '2027-10-20T00:30Z', 0],
    ['a window backwards', '2027-10-21T00:00Z', '2027-10-19T00:00Z', 0],
  ])('overlap: %s', (_name, from, to, count) => {
    expect(occurrences(fromOct19(null), window(from, to))).toHaveLength(count);
    expect(occurrences(fromOct19('FREQ=WEEKLY'), window(from, to))).toHaveLength(count);
  });

  it('stops at the limit', () => {
    const list = occurrences(fromOct19('FREQ=DAILY'), wholeYear, 5);
    expect(starts(list)).toEqual([
      '2027-10-20T00:00:00.000Z',
      '2027-10-21T00:00:00.000Z',
      '2027-10-22T00:00:00.000Z',
      '2027-10-23T00:00:00.000Z',
      '2027-10-24T00:00:00.000Z',
    ]);
  });

  it('expands a rule with no end only within the window', () => {
    const list = occurrences(fromOct19('FREQ=WEEKLY'), window('2040-01-01T00:00Z', '2040-01-15T00:00Z'));
    expect(starts(list)).toEqual(['2040-01-04T01:00:00.000Z', '2040-01-11T01:00:00.000Z']);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, /time zone/],
    ['a bad local start', { startsAtLocal: '2027-10-19T25:00' }, /local date-time/],
    ['a zero duration', { durationMinutes: 0 }, /duration_minutes/],
    ['a fractional duration', { durationMinutes: 1.5 }, /duration_minutes/],
    ['a duration over a week', { durationMinutes: 7 * 24 * 60 + 1 }, /duration_minutes/],
    ['an hourly rule', { rrule: 'FREQ=HOURLY' }, /at most daily/],
    ['a garbage rule', { rrule: 'every tuesday' }, /Invalid recurrence rule/],
  ])('rejects %s', (_name, change, message) => {
    const error = unprocessable(() => occurrences({ ...fromOct19('FREQ=WEEKLY'), ...change }, wholeYear));
    expect(error.message).toMatch(message);
  });

  it.each([0, -1, 1.5, 10_001])('rejects the limit %s', (limit) => {
    unprocessable(() => occurrences(fromOct19('FREQ=WEEKLY'), wholeYear, limit));
  });

  it('rejects an invalid window date', () => {
    unprocessable(() => occurrences(fromOct19(null), { from: new Date('nope'), to: new Date() }));
  });
});

describe('nextOccurrence', () => {
  const weekly = tuesdays('America/New_York', '2027-10-19T20:00');

  it.each([
    ['before the first session', '2027-10-01T00:00Z', '2027-10-20T00:00:00.000Z'],
    ['exactly at a start', '2027-10-20T00:00Z', '2027-10-20T00:00:00.000Z'],
    ['during a session (it is still the current one)', '2027-10-20T00:59Z', '2027-10-20T00:00:00.000Z'],
    ['exactly at an end', '2027-10-20T01:00Z', '2027-10-27T00:00:00.000Z'],
    ['across the US fall back', '2027-11-04T00:00Z', '2027-11-10T01:00:00.000Z'],
  ])('%s', (_name, now, expected) => {
    expect(nextOccurrence(weekly, new Date(now))?.startsAt.toISOString()).toBe(expected);
  });

  it('is null once a COUNT-limited chat is over', () => {
    const schedule = { ...weekly, rrule: 'FREQ=WEEKLY;COUNT=2' };
    expect(nextOccurrence(schedule, new Date('2027-10-26T00:00Z'))?.startsAt.toISOString()).toBe(
      '2027-10-27T00:00:00.000Z',
    );
    expect(nextOccurrence(schedule, new Date('2027-10-28T00:00Z'))).toBeNull();
  });

  it('is null after a one-off chat', () => {
    expect(nextOccurrence({ ...weekly, rrule: null }, new Date('2027-10-21T00:00Z'))).toBeNull();
  });

  it('finds a yearly 29 February years ahead', () => {
    const leap: Schedule = {
      startsAtLocal: '2028-02-29T12:00',
      timeZone: 'Asia/Tokyo',
      durationMinutes: 60,
      rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    };
    expect(nextOccurrence(leap, new Date('2028-03-01T00:00Z'))?.startsAt.toISOString()).toBe(
      '2032-02-29T03:00:00.000Z',
    );
    expect(nextOccurrence(leap, new Date('2028-03-01T00:00Z'), 365)).toBeNull();
  });
});

describe('overrides', () => {
  const weekly = tuesdays('America/New_York', '2027-10-19T20:00');
  const span = window('2027-10-19T00:00Z', '2027-11-11T00:00Z');
  const base = () => occurrences(weekly, span);
  const at = (iso: string) => new Date(iso);

  it('moves one session and leaves the others alone', () => {
    const result = applyOverrides(base(), [
      { originalStart: at('2027-10-27T00:00Z'), startsAt: at('2027-10-28T00:00Z') },
    ]);
    expect(result.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString(), s.moved])).toEqual([
      ['2027-10-20T00:00:00.000Z', '2027-10-20T01:00:00.000Z', false],
      ['2027-10-28T00:00:00.000Z', '2027-10-28T01:00:00.000Z', true],
      ['2027-11-03T00:00:00.000Z', '2027-11-03T01:00:00.000Z', false],
      ['2027-11-10T01:00:00.000Z', '2027-11-10T02:00:00.000Z', false],
    ]);
    expect(result[1].originalStart.toISOString()).toBe('2027-10-27T00:00:00.000Z');
    expect(result[1].localStart).toBe('2027-10-26T20:00');
  });

  it('cancels one session', () => {
    const result = applyOverrides(base(), [{ originalStart: at('2027-11-03T00:00Z'), cancelled: true }]);
    expect(starts(result)).toEqual([
      '2027-10-20T00:00:00.000Z',
      '2027-10-27T00:00:00.000Z',
      '2027-11-10T01:00:00.000Z',
    ]);
  });

  it('sorts a session moved past the next one', () => {
    const result = applyOverrides(base(), [
      { originalStart: at('2027-10-20T00:00Z'), startsAt: at('2027-10-29T00:00Z') },
    ]);
    expect(starts(result)).toEqual([
      '2027-10-27T00:00:00.000Z',
      '2027-10-29T00:00:00.000Z',
      '2027-11-03T00:00:00.000Z',
      '2027-11-10T01:00:00.000Z',
    ]);
  });

  it.each([
    [
      'a new end only',
      { endsAt: at('2027-10-27T01:30Z') },
      '2027-10-27T00:00:00.000Z',
      '2027-10-27T01:30:00.000Z',
      true,
    ],
    [
      'a new start and end',
      { startsAt: at('2027-10-27T23:00Z'), endsAt: at('2027-10-28T02:00Z') },
      '2027-10-27T23:00:00.000Z',
      '2027-10-28T02:00:00.000Z',
      true,
    ],
    [
      'the same times',
      { startsAt: at('2027-10-27T00:00Z') },
      '2027-10-27T00:00:00.000Z',
      '2027-10-27T01:00:00.000Z',
      false,
    ],
  ])('applies %s', (_name, change, startsAt, endsAt, moved) => {
    const [, second] = applyOverrides(base(), [{ originalStart: at('2027-10-27T00:00Z'), ...change }]);
    expect([second.startsAt.toISOString(), second.endsAt.toISOString(), second.moved]).toEqual([
      startsAt,
      endsAt,
      moved,
    ]);
  });

  it('ignores an override for no occurrence', () => {
    const result = applyOverrides(base(), [{ originalStart: at('2027-10-27T00:30Z'), cancelled: true }]);
    expect(starts(result)).toEqual(starts(base()));
  });

  it('rejects a moved session that ends before it starts', () => {
    const error = unprocessable(() =>
      applyOverrides(base(), [{ originalStart: at('2027-10-27T00:00Z'), endsAt: at('2027-10-26T00:00Z') }]),
    );
    expect(error.message).toMatch(/end after it starts/);
  });

  it('does not change the occurrences it was given', () => {
    const list: Occurrence[] = base();
    applyOverrides(list, [{ originalStart: at('2027-10-27T00:00Z'), startsAt: at('2027-10-28T00:00Z') }]);
    expect(list[1].startsAt.toISOString()).toBe('2027-10-27T00:00:00.000Z');
  });

  describe('sessionsInWindow', () => {
    const narrow = window('2027-10-26T00:00Z', '2027-10-29T00:00Z'); // only the 26 Oct session

    it.each([
      ['no overrides', [], ['2027-10-27T00:00:00.000Z']],
      ['the session cancelled', [{ originalStart: at('2027-10-27T00:00Z'), cancelled: true }], []],
      [
        'the session moved out',
        [{ originalStart: at('2027-10-27T00:00Z'), startsAt: at('2027-10-30T00:00Z') }],
        [],
      ],
      [
        'an earlier session moved in',
        [{ originalStart: at('2027-10-20T00:00Z'), startsAt: at('2027-10-28T00:00Z') }],
        ['2027-10-27T00:00:00.000Z', '2027-10-28T00:00:00.000Z'],
      ],
      [
        'a later session moved in',
        [{ originalStart: at('2027-11-03T00:00Z'), startsAt: at('2027-10-26T12:00Z') }],
        ['2027-10-26T12:00:00.000Z', '2027-10-27T00:00:00.000Z'],
      ],
      [
        'a move of something that is not an occurrence',
        [{ originalStart: at('2027-10-21T00:00Z'), startsAt: at('2027-10-28T00:00Z') }],
        ['2027-10-27T00:00:00.000Z'],
      ],
    ])('%s', (_name, overrides, expected) => {
      expect(starts(sessionsInWindow(weekly, overrides, narrow))).toEqual(expected);
    });

    it('marks a session moved in with its original start', () => {
      const [moved] = sessionsInWindow(
        weekly,
        [{ originalStart: at('2027-11-03T00:00Z'), startsAt: at('2027-10-26T12:00Z') }],
        narrow,
      );
      expect(moved.moved).toBe(true);
      expect(moved.originalStart.toISOString()).toBe('2027-11-03T00:00:00.000Z');
      expect(moved.localStart).toBe('2027-11-02T20:00');
    });
  });
});
