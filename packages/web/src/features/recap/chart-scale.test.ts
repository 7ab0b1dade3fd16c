import { describe, expect, it } from 'vitest';
import { labelStride, niceMax, ticks } from './chart-scale';

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [42, 50],
    [310, 500],
    [1000, 1000],
  ])('%d → %d', (max, expected) => {
    expect(niceMax(max)).toBe(expected);
  });
});

describe('ticks', () => {
  it.each([
    [0, [0, 1]],
    [2, [0, 1, 2]],
    [4, [0, 1, 2, 3, 4, 5]],
    [10, [0, 2, 4, 6, 8, 10]],
    [19, [0, 5, 10, 15, 20]],
    [42, [0, 10, 20, 30, 40, 50]],
    [200, [0, 50, 100, 150, 200]],
    [310, [0, 100, 200, 300, 400, 500]],
  ])('up to %d: %j', (max, expected) => {
    expect(ticks(max)).toEqual(expected);
  });

  it('never has more than six ticks, and ends at the top', () => {
    for (const max of [1, 3, 17, 99, 1234, 48_800]) {
      const t = ticks(max);
      expect(t.length).toBeLessThanOrEqual(6);
      expect(t[t.length - 1]).toBe(niceMax(max));
    }
  });
});

describe('labelStride', () => {
  it.each([
    [1, 1],
    [8, 1],
    [9, 2],
    [16, 2],
    [60, 8],
  ])('%d categories → every %d', (n, expected) => {
    expect(labelStride(n)).toBe(expected);
  });
});
