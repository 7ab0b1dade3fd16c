import { describe, expect, it } from 'vitest';
import { invalidChoices, pollPercents } from './poll-rules';

describe('invalidChoices', () => {
  it.each([
    [[0], 2, false, null],
    [[1], 2, false, null],
    [[0, 2], 3, true, null],
    [[], 2, false, 'must not be empty'],
    [[2], 2, false, 'does not have'],
    [[-1], 2, false, 'does not have'],
    [[0.5], 2, false, 'does not have'],
    [[0, 0], 2, true, 'twice'],
    [[0, 1], 2, false, 'one choice'],
  ] as const)('%j of %i options (multiple: %s) → %s', (choices, n, multiple, why) => {
    const r = invalidChoices([...choices], n, multiple);
    if (why === null) expect(r).toBeNull();
    else expect(r).toContain(why);
  });
});

describe('pollPercents', () => {
  const opts = (...counts: (number | null)[]) => counts.map((votes_count) => ({ votes_count }));
  it.each([
    ['no votes yet', { multiple: false, votes_count: 0, voters_count: null, options: opts(0, 0) }, [0, 0]],
    [
      'single choice, of the votes',
      { multiple: false, votes_count: 3, voters_count: null, options: opts(2, 1) },
      [67, 33],
    ],
    [
      'several choices, of the voters',
      { multiple: true, votes_count: 3, voters_count: 2, options: opts(2, 1) },
      [100, 50],
    ],
    [
      'hidden totals',
      { multiple: false, votes_count: 3, voters_count: null, options: opts(null, null) },
      [null, null],
    ],
  ])('%s', (_name, poll, expected) => {
    expect(pollPercents(poll)).toEqual(expected);
  });
});
