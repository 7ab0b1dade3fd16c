import { describe, expect, it } from 'vitest';
import { admitsToSample } from './curated';

describe('the curated sample', () => {
  it('admits the first status of a room', () => {
    expect(admitsToSample(null, 1_000, 5)).toBe(true);
  });

  it('admits at most one status per half-second slot at 2 a second', () => {
    const last = { at: 10_000, accountId: 1 };
    expect(admitsToSample(last, 10_499, 2)).toBe(false);
    expect(admitsToSample(last, 10_500, 2)).toBe(true);
  });

  it('does not give one author two samples in a row', () => {
    const last = { at: 10_000, accountId: 1 };
    expect(admitsToSample(last, 12_000, 1)).toBe(false);
    expect(admitsToSample(last, 12_000, 2)).toBe(true);
  });

  it('keeps to the rate over a busy second: 100 statuses a second give 2', () => {
    let last: { at: number; accountId: number } | null = null;
    let admitted = 0;
    for (let i = 0; i < 100; i++) {
      const now = 50_000 + i * 10;
      if (admitsToSample(last, now, i)) {
        admitted++;
        last = { at: now, accountId: i };
      }
    }
    expect(admitted).toBe(2);
  });
});
