import { describe, expect, it } from 'vitest';
import { admitsToSample, type LastSample, sampleSlot } from './curated';

describe('the curated sample', () => {
  it('cuts time into half-second slots at 2 a second', () => {
    expect(sampleSlot(10_499)).toBe(20);
    expect(sampleSlot(10_500)).toBe(21);
    expect(sampleSlot(10_500, 1)).toBe(10);
  });

  it('admits the first status of a room', () => {
    expect(admitsToSample(null, 20, 5)).toBe(true);
  });

  it('admits one status per slot', () => {
    const last = { slot: 20, accountId: 1 };
    expect(admitsToSample(last, 20, 2)).toBe(false);
    expect(admitsToSample(last, 21, 2)).toBe(true);
  });

  it('does not give one author two samples in a row', () => {
    const last = { slot: 20, accountId: 1 };
    expect(admitsToSample(last, 24, 1)).toBe(false);
    expect(admitsToSample(last, 24, 2)).toBe(true);
  });

  it('keeps to the rate over a busy second: 100 statuses a second give 2', () => {
    let last: LastSample | null = null;
    let admitted = 0;
    for (let i = 0; i < 100; i++) {
      const slot = sampleSlot(50_000 + i * 10);
      if (admitsToSample(last, slot, i)) {
        admitted++;
        last = { slot, accountId: i };
      }
    }
    expect(admitted).toBe(2);
  });
});
