import { describe, expect, it } from 'vitest';
import { showsHighlights } from './room-stream';

describe('when a room shows highlights', () => {
  it.each([
    [null, 1_000_000, false, false],
    [500, null, false, false],
    [500, 500, false, false],
    [500, 501, false, true],
    [500, 10, true, true],
  ])('threshold %s, %s people, crossed before %s: %s', (threshold, people, crossed, expected) => {
    expect(showsHighlights(threshold, people, crossed)).toBe(expected);
  });
});
